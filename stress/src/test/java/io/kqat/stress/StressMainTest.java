package io.kqat.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StressMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return StressMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void usageListsEveryModeWithItsOptions() {
        assertThat(run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("fuzz ", "--inputs", "--seed", "--only", "jazzer ", "--minutes",
                "faults ", "--records", "--cases", "soak ", "--sample-seconds", "bombs ", "--producers", "--mib", "--out");
    }

    @Test
    void unknownModesAndOptionsAreUsageErrors() {
        assertThat(run("stampede")).isEqualTo(2);
        assertThat(run("fuzz", "--input", "5")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--input'");
    }
}
