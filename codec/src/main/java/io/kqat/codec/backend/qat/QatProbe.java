package io.kqat.codec.backend.qat;

import io.kqat.codec.backend.qat.device.StartException;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The checks both QAT rungs share, in the order a deployment fails them: libraries, symbols, VFIO device nodes, and
 * whether VFIO runs without an IOMMU. The last is read where USDM reads it ({@code qae_mem_utils_vfio.c}): the module
 * parameter {@code <sysfs>/module/vfio/parameters/enable_unsafe_noiommu_mode}, not the device nodes' names.
 */
final class QatProbe {
    static final String NO_IOMMU_PARAMETER = "module/vfio/parameters/enable_unsafe_noiommu_mode";

    private QatProbe() {
    }

    /** @return the libraries, or throws with a reason for users */
    static QatLibraries libraries(QatOptions options) throws ProbeFailure {
        Path emulator = options.emulator();
        try {
            return QatLibraries.load(emulator);
        } catch (UnsatisfiedLinkError e) {
            String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new ProbeFailure((emulator == null
                    ? "qatlib not found (libqat.so.4 or libqat.so.3, and libusdm.so.0: install qatlib)"
                    : "QAT emulator not loadable from " + emulator) + ": " + first);
        }
    }

    /**
     * Starts (or joins) qatlib's process for these libraries, telling the QAT device bean how it went.
     *
     * @throws StartException when qatlib refuses (no VF left for this process, say)
     */
    static QatProcess acquire(QatLibraries libs, QatOptions options) {
        try {
            QatProcess process = QatProcess.acquire(libs, options.section(), options.completions());
            QatDeviceMetrics.started(process);
            return process;
        } catch (StartException e) {
            QatDeviceMetrics.refused(e.getMessage());
            throw e;
        }
    }

    /** The VFIO device directory, and whether VFIO runs in no-IOMMU mode. */
    static VfioState vfio(QatOptions options) throws ProbeFailure {
        Path dir = options.vfioDir();
        if (!Files.isDirectory(dir)) {
            throw new ProbeFailure("no " + dir + ": the QAT device is not bound to vfio-pci (qatlib needs VFIO)");
        }
        List<String> groups;
        try (Stream<Path> entries = Files.list(dir)) {
            groups = entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals("vfio")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new ProbeFailure("cannot read " + dir + ": " + e.getMessage());
        }
        if (groups.isEmpty()) {
            throw new ProbeFailure("no VFIO groups in " + dir + ": the QAT device is not bound to vfio-pci");
        }
        Path parameter = options.sysfsRoot().resolve(NO_IOMMU_PARAMETER);
        return new VfioState(dir, parameter, noIommu(parameter));
    }

    /** As USDM reads it: the first byte is 'Y'. A missing parameter (the vfio module without it) means IOMMU mode. */
    static boolean noIommu(Path parameter) throws ProbeFailure {
        try (InputStream in = Files.newInputStream(parameter)) {
            return in.read() == 'Y';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new ProbeFailure("cannot read " + parameter + ": " + e.getMessage());
        }
    }

    /** What VFIO shows. */
    static final class VfioState {
        final Path dir;
        final Path noIommuParameter;
        final boolean noIommu;

        VfioState(Path dir, Path noIommuParameter, boolean noIommu) {
            this.dir = dir;
            this.noIommuParameter = noIommuParameter;
            this.noIommu = noIommu;
        }
    }

    /** A probe step failed; the message is the rung's skip reason. */
    static final class ProbeFailure extends Exception {
        ProbeFailure(String message) {
            super(message);
        }
    }
}
