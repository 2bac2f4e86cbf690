package io.kqat.codec.backend.qat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.backend.BackendProvider;
import io.kqat.codec.backend.nativeio.NativeProbe;

/**
 * The second rung: QAT through buffers from {@code qaeMemAllocNUMA}, batches copied in and out (every copied byte is
 * counted). Serves where qatlib lacks the IOVA API or VFIO has no IOMMU, and takes batches the zero-copy rung could
 * not.
 */
public final class QatPinnedCopyProvider implements BackendProvider {
    public static final String NAME = "qat-pinned";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return 20;
    }

    @Override
    public boolean device() {
        return true;
    }

    @Override
    public Probe probe(CodecConfig config) {
        QatRuntime runtime = null;
        try {
            QatLibraries libs = QatProbe.libraries(config);
            QatProbe.vfio(config);
            runtime = QatRuntime.acquire(libs, QatProbe.section(config));
            QatBackend backend = new QatBackend(NAME, QatBackend.Mode.PINNED_COPY, runtime, null, QatProbe.timeoutNanos(config));
            runtime = null;
            Probe probe = NativeProbe.verified(NAME, backend, "QAT ");
            if (probe.isReady()) {
                backend.resetCounters();
            }
            return probe;
        } catch (QatProbe.ProbeFailure | QatRuntime.StartException e) {
            return Probe.skipped(NAME, e.getMessage());
        } finally {
            if (runtime != null) {
                QatRuntime.release(runtime);
            }
        }
    }
}
