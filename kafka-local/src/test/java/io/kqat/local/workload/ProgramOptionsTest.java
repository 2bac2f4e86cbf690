package io.kqat.local.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The workload programs read what WorkloadJvm writes, with their defaults, and refuse anything else. */
class ProgramOptionsTest {

    @Test
    void theSharedAndTheProgramsOwnOptionsAreRead() {
        ProduceWorkload.Options o = ProgramOptions.parse(new ProduceWorkload.Options(), new String[] {
            "--bootstrap", "127.0.0.1:9092", "--topic", "t", "--records", "5", "--client", "compression.gzip.level=9",
            "--client", "metric.reporters=a.B", "--report", "/tmp/r"});
        assertThat(o.bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(o.topic()).isEqualTo("t");
        assertThat(o.report()).isEqualTo(Paths.get("/tmp/r"));
        assertThat(o.records()).isEqualTo(5);
        assertThat(o.seed()).isEqualTo(1);
        assertThat(o.compression).isEqualTo("gzip");
        assertThat(o.client).isEqualTo(Map.of("compression.gzip.level", "9", "metric.reporters", "a.B"));
        ConsumeWorkload.Options c = ProgramOptions.parse(new ConsumeWorkload.Options(),
                new String[] {"--bootstrap", "b", "--topic", "t", "--report", "r"});
        assertThat(c.records()).isEqualTo(10_000);
        assertThat(c.timeoutSeconds).isEqualTo(120);
    }

    @Test
    void aMissingOrUnknownArgumentIsRefused() {
        assertThatThrownBy(() -> ProgramOptions.parse(new ConsumeWorkload.Options(), new String[] {"--topic", "t"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--bootstrap");
        assertThatThrownBy(() -> ProgramOptions.parse(new ConsumeWorkload.Options(),
                new String[] {"--bootstrap", "b", "--topic", "t", "--report", "r", "--compression", "gzip"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--compression");
    }
}
