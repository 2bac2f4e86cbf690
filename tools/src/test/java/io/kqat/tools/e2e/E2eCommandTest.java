package io.kqat.tools.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The CI form of {@code kqat e2e}: none, stock gzip-6, kqat gzip-6 and kqat gzip-6 on the QAT emulator at 20k and
 * 100k records of the public dataset through real local brokers. Every record is checked by the consumers and each row is checked to have gone through
 * kqat or not as it claims (the run fails otherwise); the figures themselves are reported, never asserted.
 */
class E2eCommandTest {
    @TempDir
    Path work;

    @Test
    void theQuickFormMeasuresEveryRowThroughRealBrokers() {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new E2eCommand());
        cli.setOut(new PrintWriter(text, true));
        long start = System.nanoTime();
        int exit = cli.execute("--quick", "--work-dir", work.toString());
        String output = text.toString();
        System.out.printf("kqat e2e --quick took %.0f s%n%s%n", (System.nanoTime() - start) / 1e9, output);

        assertThat(exit).as(output).isZero();
        for (String row : List.of("none", "gzip-6", "kqat-gzip-6")) {
            String line = output.lines().filter(l -> l.startsWith("| " + row + " |")).findFirst().orElseThrow();
            List<String> cells = List.of(line.split("\\|"));
            for (int c = 2; c <= 7; c++) {
                assertThat(Double.parseDouble(cells.get(c).trim())).as(row + " column " + c).isFinite();
            }
            assertThat(Double.parseDouble(cells.get(7).trim())).as(row + " ratio").isGreaterThan(row.equals("none") ? 0.9 : 3.0);
        }
        assertThat(output).containsPattern("\\| kqat-gzip-6 \\|.*\\| libdeflate:[0-9]+ / isal:[0-9]+ \\|");
        assertThat(output).contains("producer CPU/record kqat gzip-6 ÷ stock gzip-6");
        // Issue 18: a QAT row on the emulator, producer and consumer on the device, and the device's CPU apart.
        assertThat(output).containsPattern("\\| qat-gzip-6 \\|.*\\| qat:[0-9]+ / qat:[0-9]+ \\|");
        assertThat(output).containsPattern("(?m)^\\| qat-gzip-6 (\\| (-?[0-9.]+|noise) ){6}\\| ([0-9.]+|noise) / "
                + "([0-9.]+|noise) / ([0-9.]+|noise) \\|");
    }

    /**
     * Issue 21: zstd through kqat beside stock zstd: libzstd in the agent (kqat-zstd-3), the emulated device's LZ4s
     * (qat-zstd-3: the producer's batches on QAT, decoded by libzstd), an emulated 6xxx's native zstd (qat6-zstd-3),
     * every record checked by the consumers, and compression's share of the producer's application thread.
     */
    @Test
    void theZstdRowsGoThroughKqatsLibzstdAndTheEmulatedDevice() {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new E2eCommand());
        cli.setOut(new PrintWriter(text, true));
        int exit = cli.execute("--quick", "--codecs", "none,zstd,kqat-zstd-3,qat-zstd-3,qat6-zstd-3", "--work-dir", work.toString());
        String output = text.toString();
        System.out.println(output);
        assertThat(exit).as(output).isZero();
        assertThat(output).containsPattern("\\| kqat-zstd-3 \\|.*\\| libzstd:[0-9]+ / libzstd:[0-9]+ \\|");
        assertThat(output).containsPattern("\\| qat-zstd-3 \\|.*\\| (libzstd:[0-9]+ )?qat-lz4s:[0-9]+ / libzstd:[0-9]+ \\|");
        assertThat(output).contains("producer application-thread CPU/record QAT zstd-3 ÷ stock zstd");
        assertThat(output).containsPattern("\\| qat6-zstd-3 \\|.*\\| (libzstd:[0-9]+ )?qat-zstd:[0-9]+ / libzstd:[0-9]+ \\|");
        assertThat(output).containsPattern("compression's share of the producer application thread's CPU/record "
                + "\\(row − none\\) qat6-zstd-3 ÷ stock zstd: (not measured|[0-9.]+ )");
    }
}
