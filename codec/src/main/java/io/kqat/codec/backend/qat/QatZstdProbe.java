package io.kqat.codec.backend.qat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.backend.qat.device.CompressBound;
import io.kqat.codec.backend.qat.device.SessionKind;
import io.kqat.codec.backend.qat.device.StartException;
import io.kqat.codec.backend.qat.memory.Region;
import io.kqat.codec.backend.qat.memory.RegionStaging;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.backend.qat.runtime.AlgorithmSupport;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RequestTimeouts;
import io.kqat.codec.zstd.libzstd.LibzstdProvider;
import io.kqat.codec.zstd.spi.ZstdBackend;
import io.kqat.codec.zstd.spi.ZstdProbe;
import io.kqat.codec.zstd.spi.ZstdSelfTest;

/**
 * The probe both QAT zstd rungs share, in the order a deployment fails it: qatlib and VFIO as for gzip's zero-copy rung
 * (the zstd rungs read batches only in the mapped region), the process (joined if gzip started it), the algorithm on
 * every instance (its bound call: UNSUPPORTED where the generation lacks it), the region, then a self test whose frames
 * libzstd decodes. Every refusal becomes the rung's skip reason.
 */
final class QatZstdProbe {
    private QatZstdProbe() {
    }

    /** Makes the rung once the device has the algorithm. */
    interface Factory {
        QatZstdRung create(QatProcess process, RegionStaging region, CompressBound bound, RequestTimeouts timeouts);
    }

    static ZstdProbe probe(String name, CodecConfig config, SessionKind kind, int maxInput, Factory factory) {
        QatProcess process = null;
        RegionStaging region = null;
        ZstdBackend decoder = null;
        try {
            QatOptions options = QatOptions.from(config);
            QatLibraries libs = QatProbe.libraries(options);
            if (libs.iova() == null) {
                return ZstdProbe.skipped(name, "qatlib without qaeMemMapContiguousIova (older than 26.02, " + libs.origin()
                        + "): the QAT zstd rungs read batches only in the mapped region");
            }
            QatProbe.VfioState vfio = QatProbe.vfio(options);
            if (vfio.noIommu) {
                return ZstdProbe.skipped(name, "VFIO is in no-IOMMU mode (" + vfio.noIommuParameter + " is Y): "
                        + "application memory cannot be mapped for the device");
            }
            process = QatProbe.acquire(libs, options);
            CompressBound bound = AlgorithmSupport.bound(process, kind, maxInput);
            region = process.shareRegion(options.regionBytes(), Region.MAX_MAPPING);
            QatZstdRung rung = factory.create(process, region, bound, options.timeouts());
            process = null;
            region = null;
            decoder = new LibzstdProvider().probe(config).backend();
            if (decoder == null) {
                rung.close();
                return ZstdProbe.skipped(name, "libzstd is needed to check the device's frames at start, and is not usable");
            }
            ZstdProbe probe = ZstdSelfTest.verified(name, rung, decoder);
            if (probe.backend() != null) {
                rung.resetCounters();
            }
            return probe;
        } catch (QatProbe.ProbeFailure | StartException | Region.RegionException | IllegalArgumentException e) {
            return ZstdProbe.skipped(name, e.getMessage());
        } finally {
            if (decoder != null) {
                decoder.close();
            }
            if (region != null) {
                region.close();
            }
            if (process != null) {
                QatProcess.release(process);
            }
        }
    }
}
