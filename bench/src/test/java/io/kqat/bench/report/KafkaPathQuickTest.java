package io.kqat.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The CI form of the Kafka-path measurement: the short run of {@link KafkaPathRun#quickArgs} (stock and kqat gzip-6,
 * build and consume, the codec-only compress row; forked JVMs, kqat's hook only in its own fork) and its
 * table. Checks that every row ran on the real dataset and read back (the benchmarks' setup compares every record),
 * never how fast: speeds are reported, not asserted.
 */
class KafkaPathQuickTest {
    @Test
    void theShortRunMeasuresEveryRowAndTabulatesThem() throws Exception {
        Path dir = Paths.get("target/kafka-path-quick");
        Files.createDirectories(dir);
        Path csv = dir.resolve("kafka-4.4.csv");
        List<String> args = new ArrayList<>(KafkaPathRun.quickArgs(true));
        args.addAll(List.of("-rf", "csv", "-rff", csv.toString()));
        System.setProperty("jmh.ignoreLock", "true");

        long start = System.nanoTime();
        Collection<RunResult> results = new Runner(new CommandLineOptions(args.toArray(new String[0]))).run();
        System.out.printf("kqat: short Kafka-path run took %.1f s%n", (System.nanoTime() - start) / 1e9);

        assertThat(results).hasSize(2 * 2 + 1);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new KafkaPathTable().add("4.4", csv).print(new PrintStream(text, true, StandardCharsets.UTF_8));
        String table = text.toString(StandardCharsets.UTF_8);
        System.out.println(table);

        assertThat(table).contains("### kafka-clients 4.4, 64 KiB batches");
        for (String codec : List.of("gzip-6", "kqat-libdeflate-6")) {
            String row = table.lines().filter(l -> l.startsWith("| " + codec + " |")).findFirst().orElseThrow();
            List<String> cells = List.of(row.split("\\|"));
            assertThat(Double.parseDouble(cells.get(2).trim())).as(codec + " build MB/s").isPositive();
            assertThat(Double.parseDouble(cells.get(4).trim())).as(codec + " consume MB/s").isPositive();
            double ratio = Double.parseDouble(cells.get(8).trim());
            assertThat(ratio).as(codec + " ratio").isGreaterThan(3.0);
        }
        String kqat = table.lines().filter(l -> l.startsWith("| kqat-libdeflate-6 |")).findFirst().orElseThrow();
        List<String> cells = List.of(kqat.split("\\|"));
        assertThat(Double.parseDouble(cells.get(9).trim())).as("codec-only compress MB/s beside the kqat row").isPositive();
        assertThat(cells.get(10).trim()).as("build ÷ codec-only").endsWith("×");
    }
}
