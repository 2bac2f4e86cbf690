package io.kqat.tools.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.tools.Kqat;
import io.kqat.emulator.Emulators;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code kqat doctor}: a ladder whatever the host has (QAT or not), and the emulator's zero-copy rung when asked. */
class DoctorCommandTest {

    @Test
    void reportsEveryRungOfTheLadderThisHostBuilds() {
        List<String> rungs = new ArrayList<>();
        try (GzipCodec codec = GzipCodec.create(CodecConfig.defaults())) {
            codec.backends().stream().map(BackendStatus::name).forEach(rungs::add);
        }
        Kqat doctor = Kqat.run("doctor").exits(0);
        assertThat(doctor.stdout()).contains("compresses with").contains("self test  ok");
        for (String rung : rungs) {
            assertThat(doctor.stdout()).containsPattern("(?m)^    " + rung + "\\s+(ready|skipped)\\s+\\S");
        }
        assertThat(doctor.stdout()).containsPattern("(?m)^    jdk\\s+ready\\s+levels 1-9, inflate");
    }

    @Test
    void withTheEmulatorReportsZeroCopyAndItsCopies() {
        Kqat doctor = Kqat.run("doctor", "--emulator").exits(0);
        assertThat(doctor.stdout()).contains("compresses with qat").containsPattern("qat-pinned\\s+ready")
                .contains("qat: zero-copy");
    }

    @Test
    void withTheEmulatorSaysHowCompletionsArriveAndHowManyInstances() {
        Kqat doctor = Kqat.run("doctor", "--emulator").exits(0);
        assertThat(doctor.stdout()).containsPattern("(?m)^  qat        2 instance\\(s\\) for this process, callers beyond 2 "
                + "share one .*completions event-driven: 1 VF eventfd\\(s\\)");
    }

    /**
     * Issue 18: the locked-memory limit is checked before the region is mapped, where a refusal is only a 0. The child
     * has a 512 KiB limit and no CAP_IPC_LOCK (setpriv drops it even for root), and the emulator charges it as VFIO
     * would (KQAT_EMU_CHARGE_MEMLOCK): doctor says so, and the zero-copy rung's skip reason names the limit.
     */
    @Test
    void saysWhenTheLockedMemoryLimitCannotHoldTheRegion() throws Exception {
        String out = doctorInChild(List.of("setpriv", "--bounding-set", "-ipc_lock", "prlimit", "--memlock=524288:"),
                Map.of("KQAT_EMU_CHARGE_MEMLOCK", "1"));
        assertThat(out).containsPattern("(?m)^  memlock    524288 bytes: QAT zero-copy will fail to map its region: the "
                + "locked-memory limit \\(ulimit -l\\) is 524288 bytes, below the 67108864 bytes to pin, and this "
                + "process lacks CAP_IPC_LOCK");
        assertThat(out).containsPattern("(?m)^    qat +skipped +qaeMemMapContiguousIova refused the region \\(returned "
                + "0\\): the locked-memory limit");
    }

    /**
     * Issue 18 item 4: a process refused a VF (qatmgr's "No section available"; the emulator's process slots, none
     * here) is not a silent fallback: doctor's qat line says QAT did not start and why.
     */
    @Test
    void saysWhenNoVfIsLeftForThisProcess() throws Exception {
        String out = doctorInChild(List.of(), Map.of("KQAT_EMU_MAX_PROCESSES", "0"));
        assertThat(out).containsPattern("(?m)^  qat        not started: .*no section \\(VF\\) left for this process.*"
                + "\\(starts refused: [1-9]");
        assertThat(out).containsPattern("(?m)^    qat +skipped +.*no section \\(VF\\) left");
    }

    /**
     * {@code kqat doctor --emulator} in a child JVM, after {@code prefix} (commands that limit it) and with {@code env}
     * (emulator knobs).
     */
    private static String doctorInChild(List<String> prefix, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkqat.emulator.dir=" + System.getProperty(Emulators.DIR_PROPERTY), "-cp",
                System.getProperty("java.class.path"), "io.kqat.tools.Main", "doctor", "--emulator"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void jsonIsTheSameReportMachineReadable() throws Exception {
        Kqat doctor = Kqat.run("doctor", "--json").exits(0);
        JsonNode report = new ObjectMapper().readTree(doctor.stdout());
        assertThat(report.fieldNames()).toIterable().startsWith("kqat", "java", "os");
        assertThat(report.get("chosen").asText()).isNotEmpty();
        assertThat(report.get("level").asInt()).isEqualTo(CodecConfig.DEFAULT_LEVEL);
        assertThat(report.get("selfTest").asText()).startsWith("ok");
        JsonNode ladder = report.get("ladder");
        assertThat(ladder.isArray()).isTrue();
        JsonNode last = ladder.get(ladder.size() - 1);
        assertThat(last.get("name").asText()).isEqualTo("jdk");
        assertThat(last.get("ready").asBoolean()).isTrue();
        assertThat(last.has("skipped")).as("a ready rung has no skip reason").isFalse();
        for (JsonNode rung : ladder) {
            assertThat(rung.has(rung.get("ready").asBoolean() ? "serves" : "skipped")).as(rung.toString()).isTrue();
            assertThat(rung.has("summary")).isFalse();
        }
    }
}
