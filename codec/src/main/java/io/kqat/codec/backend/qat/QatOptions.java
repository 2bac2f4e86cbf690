package io.kqat.codec.backend.qat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.backend.qat.runtime.RequestTimeouts;
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
    /** How long one request may take, at least, before the device is taken as hung and the batch redone on the next rung. */
    public static final String TIMEOUT_MS = "qat.timeout.ms";
    /** What one request may take on top of {@link #TIMEOUT_MS} per MiB it reads and writes. */
    public static final String TIMEOUT_PER_MIB_MS = "qat.timeout.per.mib.ms";
    /** Where sysfs is ({@code /sys}, or the emulator's {@code sys/}): VFIO's no-IOMMU parameter is read there. */
    public static final String SYSFS_ROOT = "qat.sysfs.root";
    /** Size of the zero-copy region. */
    public static final String REGION_BYTES = "qat.region.bytes";

    public static final List<String> KEYS =
            Collections.unmodifiableList(Arrays.asList(EMULATOR, VFIO_DIR, SYSFS_ROOT, SECTION, TIMEOUT_MS,
                    TIMEOUT_PER_MIB_MS, REGION_BYTES));

    public static final String DEFAULT_SECTION = "SSL";
    public static final long DEFAULT_TIMEOUT_MS = 100;
    public static final long DEFAULT_TIMEOUT_PER_MIB_MS = 25;
    /** The emulator deflates with zlib on the host's (shared) CPUs, far slower than a device: its defaults allow that. */
    public static final long EMULATOR_TIMEOUT_MS = 2000;
    public static final long EMULATOR_TIMEOUT_PER_MIB_MS = 500;
    public static final long DEFAULT_REGION_BYTES = 64L << 20;
    static final String SYSTEM_VFIO_DIR = "/dev/vfio";
    static final String SYSTEM_SYSFS_ROOT = "/sys";

    private final Path emulator;
    private final Path vfioDir;
    private final Path sysfsRoot;
    private final String section;
    private final long timeoutMillis;
    private final long timeoutPerMiBMillis;
    private final long regionBytes;

    private QatOptions(Path emulator, Path vfioDir, Path sysfsRoot, String section, long timeoutMillis,
                       long timeoutPerMiBMillis, long regionBytes) {
        this.emulator = emulator;
        this.vfioDir = vfioDir;
        this.sysfsRoot = sysfsRoot;
        this.section = section;
        this.timeoutMillis = timeoutMillis;
        this.timeoutPerMiBMillis = timeoutPerMiBMillis;
        this.regionBytes = regionBytes;
    }

    /** @throws IllegalArgumentException for a value that is not a positive number where one is needed */
    public static QatOptions from(CodecConfig config) {
        String dir = config.option(EMULATOR, System.getProperty(EMULATOR_PROPERTY));
        Path emulator = dir == null || dir.trim().isEmpty() ? null : Paths.get(dir);
        String vfio = config.option(VFIO_DIR, emulator != null ? emulator.resolve("vfio").toString() : SYSTEM_VFIO_DIR);
        String sysfs = config.option(SYSFS_ROOT, emulator != null ? emulator.resolve("sys").toString() : SYSTEM_SYSFS_ROOT);
        return new QatOptions(emulator, Paths.get(vfio), Paths.get(sysfs), config.option(SECTION, DEFAULT_SECTION),
                positive(config, TIMEOUT_MS, emulator == null ? DEFAULT_TIMEOUT_MS : EMULATOR_TIMEOUT_MS),
                number(config, TIMEOUT_PER_MIB_MS, emulator == null ? DEFAULT_TIMEOUT_PER_MIB_MS
                        : EMULATOR_TIMEOUT_PER_MIB_MS, 0),
                positive(config, REGION_BYTES, DEFAULT_REGION_BYTES));
    }

    private static long positive(CodecConfig config, String key, long defaultValue) {
        return number(config, key, defaultValue, 1);
    }

    private static long number(CodecConfig config, String key, long defaultValue, long min) {
        String text = config.option(key, null);
        if (text == null) {
            return defaultValue;
        }
        try {
            long v = Long.parseLong(text.trim());
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number of at least " + min + ", got '" + text + "'");
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

    public Path sysfsRoot() {
        return sysfsRoot;
    }

    /** Base and per-MiB allowance of one request. */
    RequestTimeouts timeouts() {
        return new RequestTimeouts(timeoutMillis, timeoutPerMiBMillis);
    }

    public long regionBytes() {
        return regionBytes;
    }
}
