package io.kqat.codec.backend.qat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.backend.BackendProvider;
import io.kqat.codec.backend.nativeio.NativeProbe;

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
        QatRuntime runtime = null;
        Region region = null;
        try {
            QatLibraries libs = QatProbe.libraries(config);
            if (libs.iova == null) {
                return Probe.skipped(NAME, "qatlib without qaeMemMapContiguousIova/qaeMemUnmapContiguousIova "
                        + "(older than 26.02, " + libs.origin + "): pinned copies instead");
            }
            QatProbe.VfioState vfio = QatProbe.vfio(config);
            if (vfio.noIommu()) {
                return Probe.skipped(NAME, "VFIO is in no-IOMMU mode (" + vfio.dir() + "): application memory cannot be "
                        + "mapped for the device, pinned copies instead");
            }
            runtime = QatRuntime.acquire(libs, QatProbe.section(config));
            region = Region.allocateAndMap(libs.iova, QatProbe.regionBytes(config));
            QatZeroCopyBackend backend = new QatZeroCopyBackend(runtime, region, QatProbe.timeoutNanos(config));
            runtime = null;
            region = null;
            Probe probe = NativeProbe.verified(NAME, backend, "QAT ");
            if (probe.isReady()) {
                backend.resetCounters();
            }
            return probe;
        } catch (QatProbe.ProbeFailure | QatRuntime.StartException | Region.RegionException e) {
            return Probe.skipped(NAME, e.getMessage());
        } finally {
            if (region != null) {
                region.close();
            }
            if (runtime != null) {
                QatRuntime.release(runtime);
            }
        }
    }
}
