package io.kqat.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The e2e table's request-handler column and issue 22's goal: the broker's request-handler CPU per record validating
 * kqat's gzip (software) against validating zstd, per row, with its bound of 1.25.
 */
class E2eTableTest {
    private static E2eResult row(String name, double handlers) {
        E2eThreads threads = new E2eThreads(1, 0.5, 0, 1, 0, handlers, 0, 0, 0, 0, 100_000);
        return new E2eResult(E2eRow.parse(name), 2, 1, handlers + 0.1, 10, 10, 4, "", threads);
    }

    @Test
    void theHandlersOfEachKqatGzipRowAreSetAgainstZstds() {
        List<E2eResult> results = List.of(row("zstd", 0.80), row("kqat-gzip-1", 0.90), row("kqat-gzip-6", 1.20));
        StringWriter text = new StringWriter();
        E2eTable.print(results, new E2eSettings(List.of("zstd", "kqat-gzip-1", "kqat-gzip-6"), 10, 20, null, 65536,
                "4.4", "", List.of(), Paths.get(".")), new PrintWriter(text, true));
        String out = text.toString();

        assertThat(out).containsPattern("(?m)^\\| kqat-gzip-6 (\\| [^|]+ ){4}\\| 1\\.20 \\|");
        assertThat(out).contains("- broker request-handler CPU/record kqat-gzip-1 ÷ zstd: 1.13 (goal ≤ 1.25: met)");
        assertThat(out).contains("- broker request-handler CPU/record kqat-gzip-6 ÷ zstd: 1.50 (goal ≤ 1.25: not met)");
        assertThat(out).as("the other goals keep one decimal")
                .contains("- producer CPU/record kqat gzip-1 ÷ zstd: 1.00 (goal ≤ 1.0: met)");
    }
}
