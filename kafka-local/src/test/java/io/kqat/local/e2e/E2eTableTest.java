package io.kqat.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 21's compression share: a kqat zstd row's producer application-thread CPU per record minus {@code none}'s,
 * divided by stock zstd-3's the same way, with the compression ratios; a share of nothing or less is noise, never a
 * goal met.
 */
class E2eTableTest {
    private static E2eResult row(String name, double application, double ratio) {
        E2eThreads threads = new E2eThreads(application, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000);
        return new E2eResult(E2eRow.parse(name), 1, 1, 1, 1, 1, ratio, "", threads);
    }

    private static String print(List<E2eResult> results) {
        StringWriter text = new StringWriter();
        E2eTable.print(results, E2eSettings.quick(Path.of("unused")), new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    void theShareIsTheRowAboveNoneOverStockZstdAboveNone() {
        String out = print(List.of(row("none", 1.0, 1.0), row("zstd-3", 3.0, 4.0), row("qat6-zstd-3", 1.5, 3.8),
                row("qat-zstd-3", 3.5, 3.0)));
        assertThat(out).contains("(row − none) qat6-zstd-3 ÷ stock zstd-3: 0.25 (0.50 ÷ 2.00 µs; goal ≤ 0.35: met); "
                + "compression ratio 3.800 ÷ 4.000 = 0.950 (goal ≥ 0.9)");
        assertThat(out).contains("(row − none) qat-zstd-3 ÷ stock zstd-3: 1.25 (2.50 ÷ 2.00 µs; goal ≤ 0.35: not met)");
    }

    @Test
    void aShareOfNothingOrLessIsNoise() {
        String out = print(List.of(row("none", 2.0, 1.0), row("zstd", 3.0, 4.0), row("qat6-zstd-3", 1.5, 4.0)));
        assertThat(out).contains("(row − none) qat6-zstd-3 ÷ stock zstd: not measured in this run (noise)");
        assertThat(out).doesNotContain("goal ≤ 0.35: met");
    }
}
