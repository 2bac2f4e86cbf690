package io.kqat.codec.backend.qat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.backend.qat.runtime.CompletionSettings;
import io.kqat.codec.backend.qat.runtime.RequestTimeouts;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The QAT settings of one config, resolved for the backend: the keys, types and validation are the schema's
 * ({@link KqatSettings}{@code .QAT_*}); what lives here is how defaults depend on each other (the emulator's
 * directory implies its VFIO and sysfs folders and longer timeouts).
 */
public final class QatOptions {
    static final long DEFAULT_TIMEOUT_MS = 100;
    static final long DEFAULT_TIMEOUT_PER_MIB_MS = 25;
    /** The emulator deflates with zlib on the host's (shared) CPUs, far slower than a device: its defaults allow that. */
    static final long EMULATOR_TIMEOUT_MS = 2000;
    static final long EMULATOR_TIMEOUT_PER_MIB_MS = 500;
    static final String SYSTEM_VFIO_DIR = "/dev/vfio";
    static final String SYSTEM_SYSFS_ROOT = "/sys";

    private final Path emulator;
    private final Path vfioDir;
    private final Path sysfsRoot;
    private final String section;
    private final long timeoutMillis;
    private final long timeoutPerMiBMillis;
    private final long regionBytes;
    private final CompletionSettings completions;

    private QatOptions(CodecConfig config) {
        String dir = config.get(KqatSettings.QAT_EMULATOR);
        this.emulator = dir == null || dir.trim().isEmpty() ? null : Paths.get(dir);
        this.vfioDir = Paths.get(valueOr(config.get(KqatSettings.QAT_VFIO_DIR), "vfio", SYSTEM_VFIO_DIR));
        this.sysfsRoot = Paths.get(valueOr(config.get(KqatSettings.QAT_SYSFS_ROOT), "sys", SYSTEM_SYSFS_ROOT));
        this.section = config.get(KqatSettings.QAT_SECTION);
        this.timeoutMillis = numberOr(config.get(KqatSettings.QAT_TIMEOUT_MS), EMULATOR_TIMEOUT_MS, DEFAULT_TIMEOUT_MS);
        this.timeoutPerMiBMillis = numberOr(config.get(KqatSettings.QAT_TIMEOUT_PER_MIB_MS),
                EMULATOR_TIMEOUT_PER_MIB_MS, DEFAULT_TIMEOUT_PER_MIB_MS);
        this.regionBytes = config.get(KqatSettings.QAT_REGION_BYTES);
        this.completions = new CompletionSettings(!"poll".equals(config.get(KqatSettings.QAT_COMPLETION)),
                config.get(KqatSettings.QAT_COALESCING_NS));
    }

    public static QatOptions from(CodecConfig config) {
        return new QatOptions(config);
    }

    private String valueOr(String given, String emulatorFolder, String system) {
        return given != null ? given : emulator != null ? emulator.resolve(emulatorFolder).toString() : system;
    }

    private long numberOr(Long given, long emulated, long device) {
        return given != null ? given : emulator != null ? emulated : device;
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

    /** Event mode allowed or not, and the coalescing timer to set. */
    CompletionSettings completions() {
        return completions;
    }
}
