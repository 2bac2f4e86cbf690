package io.kqat.tools.doctor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.kqat.codec.BackendStatus;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.backend.qat.QatOptions;
import io.kqat.tools.cli.KqatVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What {@code kqat doctor} found, as printed and as {@code --json} writes it (fields in this order). */
record DoctorReport(String kqat, String java, String os, String vfio, String emulator, String lockedMemoryLimit,
                    String hugePages, int level, String mode, String chosen, String decompressesWith, List<Rung> ladder,
                    String selfTest) {
    static final String SELF_TEST_OK = "ok";

    static DoctorReport of(GzipCodec codec, String selfTest) {
        String huge = SystemFacts.hugePages();
        return new DoctorReport(KqatVersion.version(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Files.isDirectory(Path.of("/dev/vfio")) ? "/dev/vfio present" : "/dev/vfio absent",
                codec.config().option(QatOptions.EMULATOR, "not used"),
                lockedMemory(QatOptions.from(codec.config()).regionBytes()),
                huge == null ? "unknown" : huge,
                codec.config().level(), codec.config().mode().id(), codec.backendName(), codec.decompressBackendName(),
                codec.backends().stream().map(Rung::of).toList(), selfTest);
    }

    @JsonIgnore
    boolean selfTestPassed() {
        return selfTest.startsWith(SELF_TEST_OK);
    }

    /** The locked-memory limit against the QAT region it must hold (VFIO charges pinned memory to it). */
    private static String lockedMemory(long region) {
        Long memlock = SystemFacts.lockedMemoryLimit();
        if (memlock == null) {
            return "unknown";
        }
        if (memlock < 0) {
            return "unlimited";
        }
        String below = " (below the QAT region's " + region + " bytes";
        return memlock + " bytes" + (memlock >= region ? ""
                : "root".equals(System.getProperty("user.name")) ? below + "; not enforced for root)"
                : below + ": raise ulimit -l for zero-copy)");
    }

    /** One rung of the ladder: what it serves when ready, why it was skipped otherwise. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Rung(String name, int rank, boolean device, boolean ready, String detail, String skipped, String serves,
                @JsonIgnore String summary) {

        static Rung of(BackendStatus s) {
            return s.ready()
                    ? new Rung(s.name(), s.rank(), s.device(), true, s.detail().toString(), null, s.serves(),
                            s.detail().summary())
                    : new Rung(s.name(), s.rank(), s.device(), false, null, s.skipReason(), null, "");
        }
    }
}
