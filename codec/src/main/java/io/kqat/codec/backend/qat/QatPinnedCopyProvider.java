package io.kqat.codec.backend.qat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.backend.qat.device.StartException;
import io.kqat.codec.backend.qat.memory.PinnedStaging;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.Probe;
import io.kqat.codec.spi.SelfTest;

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
        QatProcess process = null;
        try {
            QatOptions options = QatOptions.from(config);
            QatLibraries libs = QatProbe.libraries(options);
            QatProbe.vfio(options);
            process = QatProbe.acquire(libs, options);
            QatBackend backend = new QatBackend(NAME, process,
                    new PinnedStaging(libs.usdm(), process.memoryNodes(), process.profile().usdm()), process.profile(),
                    options.timeouts());
            process = null;
            Probe probe = SelfTest.verified(NAME, backend, "QAT ");
            if (probe.isReady()) {
                backend.resetCounters();
            }
            return probe;
        } catch (QatProbe.ProbeFailure | StartException | IllegalArgumentException e) {
            return Probe.skipped(NAME, e.getMessage());
        } finally {
            if (process != null) {
                QatProcess.release(process);
            }
        }
    }
}
