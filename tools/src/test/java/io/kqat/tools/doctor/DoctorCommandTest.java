package io.kqat.tools.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.tools.Kqat;
import java.util.ArrayList;
import java.util.List;
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
