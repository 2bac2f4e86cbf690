package io.kqat.codec.backend.qat;

import io.kqat.codec.CodecConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checks both QAT rungs share, in the order a deployment fails them: libraries, symbols, VFIO device nodes.
 * Options: {@code qat.emulator} (or the system property {@code kqat.qat.emulator}): a directory with the emulator's
 * libraries instead of the system qatlib; {@code qat.vfio.dir} (default /dev/vfio, or the emulator's vfio/);
 * {@code qat.section} (default SSL); {@code qat.timeout.ms} (default 5000); {@code qat.region.bytes} (default 64 MiB).
 */
final class QatProbe {
    static final long DEFAULT_REGION_BYTES = 64L << 20;

    private QatProbe() {
    }

    static Path emulatorDir(CodecConfig config) {
        String dir = config.option("qat.emulator", System.getProperty("kqat.qat.emulator"));
        return dir == null || dir.isBlank() ? null : Paths.get(dir);
    }

    /** @return the libraries, or throws with a reason for users */
    static QatLibraries libraries(CodecConfig config) throws ProbeFailure {
        Path emulator = emulatorDir(config);
        try {
            return QatLibraries.load(emulator);
        } catch (UnsatisfiedLinkError e) {
            throw new ProbeFailure((emulator == null
                    ? "qatlib not found (libqat.so.4, libusdm.so.0: install qatlib)"
                    : "QAT emulator not loadable from " + emulator) + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The VFIO device directory and what it says about the IOMMU. */
    static VfioState vfio(CodecConfig config) throws ProbeFailure {
        Path emulator = emulatorDir(config);
        Path dir = Paths.get(config.option("qat.vfio.dir", emulator != null ? emulator.resolve("vfio").toString() : "/dev/vfio"));
        if (!Files.isDirectory(dir)) {
            throw new ProbeFailure("no " + dir + ": the QAT device is not bound to vfio-pci (qatlib needs VFIO)");
        }
        List<String> groups;
        try (Stream<Path> entries = Files.list(dir)) {
            groups = entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals("vfio")).toList();
        } catch (IOException e) {
            throw new ProbeFailure("cannot read " + dir + ": " + e.getMessage());
        }
        if (groups.isEmpty()) {
            throw new ProbeFailure("no VFIO groups in " + dir + ": the QAT device is not bound to vfio-pci");
        }
        boolean noIommu = groups.stream().allMatch(n -> n.startsWith("noiommu-"));
        return new VfioState(dir, noIommu);
    }

    static long regionBytes(CodecConfig config) {
        return Long.parseLong(config.option("qat.region.bytes", Long.toString(DEFAULT_REGION_BYTES)));
    }

    static long timeoutNanos(CodecConfig config) {
        return Long.parseLong(config.option("qat.timeout.ms", "5000")) * 1_000_000L;
    }

    static String section(CodecConfig config) {
        return config.option("qat.section", "SSL");
    }

    record VfioState(Path dir, boolean noIommu) {
    }

    /** A probe step failed; the message is the rung's skip reason. */
    static final class ProbeFailure extends Exception {
        ProbeFailure(String message) {
            super(message);
        }
    }
}
