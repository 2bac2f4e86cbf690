package io.kqat.codec.backend.qat;

import io.kqat.codec.CodecConfig;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The QAT settings, typed: every key and default in one place, read from a {@link CodecConfig}'s options by the
 * backend, and named by the agent, the command line and {@code doctor}.
 */
public final class QatOptions {
    /** Directory holding the QAT emulator's libraries, used instead of the system qatlib (tests and demos only). */
    public static final String EMULATOR = "qat.emulator";
    /** The same as a system property, for JVMs started by tools. */
    public static final String EMULATOR_PROPERTY = "kqat.qat.emulator";
    /** VFIO device directory (default {@code /dev/vfio}, or the emulator's {@code vfio/}). */
    public static final String VFIO_DIR = "qat.vfio.dir";
    /** qatlib configuration section ({@code icp_sal_userStart}'s process name). */
    public static final String SECTION = "qat.section";
    /** How long one request may take before it is redone on the next rung. */
    public static final String TIMEOUT_MS = "qat.timeout.ms";
    /** Size of the zero-copy region. */
    public static final String REGION_BYTES = "qat.region.bytes";

    public static final List<String> KEYS =
            Collections.unmodifiableList(Arrays.asList(EMULATOR, VFIO_DIR, SECTION, TIMEOUT_MS, REGION_BYTES));

    public static final String DEFAULT_SECTION = "SSL";
    public static final long DEFAULT_TIMEOUT_MS = 5000;
    public static final long DEFAULT_REGION_BYTES = 64L << 20;
    static final String SYSTEM_VFIO_DIR = "/dev/vfio";

    private final Path emulator;
    private final Path vfioDir;
    private final String section;
    private final long timeoutMillis;
    private final long regionBytes;

    private QatOptions(Path emulator, Path vfioDir, String section, long timeoutMillis, long regionBytes) {
        this.emulator = emulator;
        this.vfioDir = vfioDir;
        this.section = section;
        this.timeoutMillis = timeoutMillis;
        this.regionBytes = regionBytes;
    }

    /** @throws IllegalArgumentException for a value that is not a positive number where one is needed */
    public static QatOptions from(CodecConfig config) {
        String dir = config.option(EMULATOR, System.getProperty(EMULATOR_PROPERTY));
        Path emulator = dir == null || dir.trim().isEmpty() ? null : Paths.get(dir);
        String vfio = config.option(VFIO_DIR, emulator != null ? emulator.resolve("vfio").toString() : SYSTEM_VFIO_DIR);
        return new QatOptions(emulator, Paths.get(vfio), config.option(SECTION, DEFAULT_SECTION),
                positive(config, TIMEOUT_MS, DEFAULT_TIMEOUT_MS), positive(config, REGION_BYTES, DEFAULT_REGION_BYTES));
    }

    private static long positive(CodecConfig config, String key, long defaultValue) {
        String text = config.option(key, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a positive whole number, got '" + text + "'");
    }

    /** The emulator's library directory, or null for the system qatlib. */
    public Path emulator() {
        return emulator;
    }

    public Path vfioDir() {
        return vfioDir;
    }

    public String section() {
        return section;
    }

    public long timeoutNanos() {
        return timeoutMillis * 1_000_000L;
    }

    public long regionBytes() {
        return regionBytes;
    }
}
