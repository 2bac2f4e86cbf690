package io.kqat.tools.doctor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Setting;
import io.kqat.codec.backend.qat.memory.LockedMemory;
import io.kqat.tools.cli.KqatVersion;
import io.kqat.tools.doctor.container.CheckResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code kqat doctor} found, as printed and as {@code --json} writes it (fields in this order; the JSON Schema
 * doctor-report.schema.json in the tools jar describes it, and DoctorJsonSchemaTest holds the two equal).
 */
record DoctorReport(String kqat, String java, String os, String vfio, String emulator, String lockedMemoryLimit,
                    String hugePages, String qat, int level, String mode, String chosen, String decompressesWith,
                    String routes, List<Rung> ladder, List<SettingValue> settings, String selfTest,
                    List<CheckResult> checks, ZstdSection zstd) {
    static final String SELF_TEST_OK = "ok";

    static DoctorReport of(GzipCodec codec, String selfTest, List<CheckResult> checks, ZstdSection zstd) {
        String huge = SystemFacts.hugePages();
        return new DoctorReport(KqatVersion.version(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Files.isDirectory(Path.of("/dev/vfio")) ? "/dev/vfio present" : "/dev/vfio absent",
                Objects.requireNonNullElse(codec.config().get(KqatSettings.QAT_EMULATOR), "not used"),
                lockedMemory(codec.config().get(KqatSettings.QAT_REGION_BYTES)),
                huge == null ? "unknown" : huge, QatFacts.describe(),
                codec.config().level(), codec.config().mode().id(), codec.backendName(), codec.decompressBackendName(),
                codec.routes(), codec.backends().stream().map(Rung::of).toList(), SettingValue.all(codec.config()),
                selfTest, checks, zstd);
    }

    /** gzip's round trip passed, and zstd's did not fail (it is not run when kqat does not serve zstd). */
    @JsonIgnore
    boolean selfTestPassed() {
        return selfTest.startsWith(SELF_TEST_OK) && !zstd.selfTestFailed();
    }

    /**
     * The locked-memory limit against the QAT region it must hold (VFIO charges pinned memory to it unless the process
     * has CAP_IPC_LOCK), said before the mapping is tried: over the limit it fails with nothing but a 0.
     */
    private static String lockedMemory(long region) {
        Long memlock = LockedMemory.limit();
        if (memlock == null) {
            return "unknown";
        }
        String limit = memlock < 0 ? "unlimited" : memlock + " bytes";
        String shortfall = LockedMemory.shortfall(region);
        if (shortfall != null) {
            return limit + ": QAT zero-copy will fail to map its region: " + shortfall;
        }
        return limit + (memlock >= 0 && memlock < region ? " (below the QAT region's " + region + " bytes; not enforced: "
                + "this process has CAP_IPC_LOCK)" : memlock >= 0 ? " (covers the QAT region's " + region + " bytes)" : "");
    }

    /** One setting of the schema: its value in effect, and whether it was given or is the default. */
    record SettingValue(String key, String value, boolean given) {

        static List<SettingValue> all(CodecConfig config) {
            List<SettingValue> values = new ArrayList<>();
            for (Setting<?> s : KqatSettings.ALL) {
                Object v = config.get(s);
                values.add(new SettingValue(s.key(), v == null ? s.defaultText() : s.format(v), config.isSet(s)));
            }
            return values;
        }
    }

    /** One rung of the ladder: what it serves when ready, why it was skipped otherwise. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Rung(String name, int rank, boolean device, boolean ready, String detail, String skipped, String serves,
                @JsonIgnore String summary) {

        static Rung of(BackendStatus s) {
            return of(s, s.serves());
        }

        /** A rung of a ladder with its own account of what it serves (zstd's levels). */
        static Rung of(BackendStatus s, String serves) {
            return s.ready()
                    ? new Rung(s.name(), s.rank(), s.device(), true, s.detail().toString(), null, serves,
                            s.detail().summary())
                    : new Rung(s.name(), s.rank(), s.device(), false, null, s.skipReason(), null, "");
        }
    }
}
