package io.kqat.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The e2e table's goal lines. Issue 21's compression share: a kqat zstd row's producer application-thread CPU per
 * record minus {@code none}'s, divided by stock zstd-3's the same way, with the compression ratios; a share of nothing
 * or less is noise, never a goal met. Issue 22's: the broker's request-handler CPU per record validating kqat's gzip
 * (software) against validating zstd, per row, with its bound of 1.25.
 */
class E2eTableTest {
    private static E2eResult shareRow(String name, double application, double ratio) {
        E2eThreads threads = new E2eThreads(application, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000);
        return new E2eResult(E2eRow.parse(name), 1, 1, 1, 1, 1, ratio, "", threads);
    }

    private static E2eResult handlerRow(String name, double handlers) {
        E2eThreads threads = new E2eThreads(1, 0.5, 0, 1, 0, handlers, 0, 0, 0, 0, 100_000);
        return new E2eResult(E2eRow.parse(name), 2, 1, handlers + 0.1, 10, 10, 4, "", threads);
    }

    private static String print(List<E2eResult> results, E2eSettings settings) {
        StringWriter text = new StringWriter();
        E2eTable.print(results, settings, new PrintWriter(text, true));
        return text.toString();
    }

    private static String print(List<E2eResult> results) {
        return print(results, E2eSettings.quick(Path.of("unused")));
    }

    @Test
    void theShareIsTheRowAboveNoneOverStockZstdAboveNone() {
        String out = print(List.of(shareRow("none", 1.0, 1.0), shareRow("zstd-3", 3.0, 4.0),
                shareRow("qat6-zstd-3", 1.5, 3.8), shareRow("qat-zstd-3", 3.5, 3.0)));
        assertThat(out).contains("(row − none) qat6-zstd-3 ÷ stock zstd-3: 0.25 (0.50 ÷ 2.00 µs; goal ≤ 0.35: met); "
                + "compression ratio 3.800 ÷ 4.000 = 0.950 (goal ≥ 0.9)");
        assertThat(out).contains("(row − none) qat-zstd-3 ÷ stock zstd-3: 1.25 (2.50 ÷ 2.00 µs; goal ≤ 0.35: not met)");
    }

    @Test
    void aShareOfNothingOrLessIsNoise() {
        String out = print(List.of(shareRow("none", 2.0, 1.0), shareRow("zstd", 3.0, 4.0),
                shareRow("qat6-zstd-3", 1.5, 4.0)));
        assertThat(out).contains("(row − none) qat6-zstd-3 ÷ stock zstd: not measured in this run (noise)");
        assertThat(out).doesNotContain("goal ≤ 0.35: met");
    }

    @Test
    void theHandlersOfEachKqatGzipRowAreSetAgainstZstds() {
        List<E2eResult> results = List.of(handlerRow("zstd", 0.80), handlerRow("kqat-gzip-1", 0.90),
                handlerRow("kqat-gzip-6", 1.20));
        String out = print(results, new E2eSettings(List.of("zstd", "kqat-gzip-1", "kqat-gzip-6"), 10, 20, null, 65536,
                "4.4", "", List.of(), Path.of(".")));

        assertThat(out).containsPattern("(?m)^\\| kqat-gzip-6 (\\| [^|]+ ){4}\\| 1\\.20 \\|");
        assertThat(out).contains("- broker request-handler CPU/record kqat-gzip-1 ÷ zstd: 1.13 (goal ≤ 1.25: met)");
        assertThat(out).contains("- broker request-handler CPU/record kqat-gzip-6 ÷ zstd: 1.50 (goal ≤ 1.25: not met)");
        assertThat(out).as("the other goals keep one decimal")
                .contains("- producer CPU/record kqat gzip-1 ÷ zstd: 1.00 (goal ≤ 1.0: met)");
    }
}
