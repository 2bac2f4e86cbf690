package io.kqat.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.tools.Kqat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kqat bench}'s zstd rows (issue 21): kqat's QAT LZ4s rung on the emulator (batches written into the mapped
 * region: nothing copied in) and libzstd beside zstd-jni, Kafka's own zstd, on the same batches; in the CSV too.
 */
class BenchZstdTest {
    @TempDir
    Path dir;

    @Test
    void zstdRowsThroughKqatStandBesideZstdJni() throws Exception {
        Path csv = dir.resolve("bench.csv");
        Kqat bench = Kqat.run("bench", "--emulator", "--size", "256k", "--seconds", "0.05", "--backends",
                "zstd-jni,libzstd,qat-lz4s", "--zstd-levels", "3,19", "--csv", csv.toString()).exits(0);
        String out = bench.stdout();
        assertThat(out).contains("zstd, one frame per batch").contains("vs zstd-jni");
        assertThat(out).containsPattern("(?m)^zstd-jni\\s+3\\s+\\d+\\.\\d MB/s\\s+1\\.00x");
        assertThat(out).containsPattern("(?m)^libzstd\\s+3\\s+\\d+\\.\\d MB/s\\s+\\d+\\.\\d\\dx\\s+\\d+\\.\\d MB/s");
        assertThat(out).containsPattern("(?m)^qat-lz4s\\s+3\\s+\\d+\\.\\d MB/s\\s+\\d+\\.\\d\\dx\\s+\\(not served\\)"
                + "\\s+-\\s+\\d+\\.\\d\\d\\s+zero-copy\\s+0 of [0-9]+ B \\(0%\\)");
        assertThat(out).as("QAT serves 1-12: no qat-lz4s row at 19").doesNotContainPattern("(?m)^qat-lz4s\\s+19 ")
                .containsPattern("(?m)^libzstd\\s+19 ");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).anyMatch(r -> r.startsWith("qat-lz4s,3,262144,"))
                .anyMatch(r -> r.startsWith("zstd-jni,19,262144,"));
    }
}
