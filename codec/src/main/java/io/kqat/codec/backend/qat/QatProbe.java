package io.kqat.codec.backend.qat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The checks both QAT rungs share, in the order a deployment fails them: libraries, symbols, VFIO device nodes. */
final class QatProbe {
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
                    ? "qatlib not found (libqat.so.4, libusdm.so.0: install qatlib)"
                    : "QAT emulator not loadable from " + emulator) + ": " + first);
        }
    }

    /** The VFIO device directory and what it says about the IOMMU. */
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
        return new VfioState(dir, groups.stream().allMatch(n -> n.startsWith("noiommu-")));
    }

    /** What the VFIO directory shows. */
    static final class VfioState {
        final Path dir;
        final boolean noIommu;

        VfioState(Path dir, boolean noIommu) {
            this.dir = dir;
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
