package io.kqat.codec.backend.qat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.backend.qat.device.StartException;
import io.kqat.codec.backend.qat.memory.Region;
import io.kqat.codec.backend.qat.memory.RegionStaging;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.Probe;
import io.kqat.codec.spi.SelfTest;

/** The best rung: QAT with the application's memory mapped into the device's IOVA space (qatlib 26.02+, VFIO with an IOMMU). */
public final class QatZeroCopyProvider implements BackendProvider {
    public static final String NAME = "qat";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public boolean device() {
        return true;
    }

    @Override
    public Probe probe(CodecConfig config) {
        QatProcess process = null;
        RegionStaging region = null;
        try {
            QatOptions options = QatOptions.from(config);
            QatLibraries libs = QatProbe.libraries(options);
            if (libs.iova() == null) {
                return Probe.skipped(NAME, "qatlib without qaeMemMapContiguousIova/qaeMemUnmapContiguousIova "
                        + "(older than 26.02, " + libs.origin() + "): pinned copies instead");
            }
            QatProbe.VfioState vfio = QatProbe.vfio(options);
            if (vfio.noIommu) {
                return Probe.skipped(NAME, "VFIO is in no-IOMMU mode (" + vfio.noIommuParameter + " is Y, as USDM "
                        + "reads it): application memory cannot be mapped for the device, pinned copies instead");
            }
            process = QatProbe.acquire(libs, options);
            region = process.shareRegion(options.regionBytes(), Region.MAX_MAPPING);
            QatZeroCopyBackend backend = new QatZeroCopyBackend(process, region, process.profile(), options.timeouts());
            process = null;
            region = null;
            Probe probe = SelfTest.verified(NAME, backend, "QAT ");
            if (probe.isReady()) {
                backend.resetCounters();
            }
            return probe;
        } catch (QatProbe.ProbeFailure | StartException | Region.RegionException | IllegalArgumentException e) {
            return Probe.skipped(NAME, e.getMessage());
        } finally {
            if (region != null) {
                region.close();
            }
            if (process != null) {
                QatProcess.release(process);
            }
        }
    }
}
