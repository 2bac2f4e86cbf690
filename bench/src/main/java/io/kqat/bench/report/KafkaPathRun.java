package io.kqat.bench.report;

import io.kqat.local.KafkaRuntimes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Kafka-path measurement as one command: every row of {@code KafkaPathBenchmark} on kafka-clients 4.4 and 3.9
 * (each release's own benchmark jar, one JMH run each) plus {@code CodecOnlyBenchmark}, then the tables.
 *
 * <pre>java -cp bench/target/kqat-benchmarks.jar io.kqat.bench.report.KafkaPathRun [--quick] [--out DIR]
 *     [--releases 4.4,3.9] [--tables-only] [-- JMH options, e.g. -p batchBytes=65536]</pre>
 *
 * {@code --tables-only} prints the tables again from the CSV files an earlier run left in the output directory.
 * {@code --quick} is the short form CI runs: stock and kqat gzip-6 at 64 KiB on part of the dataset (build, consume,
 * and the codec-only compress row on 4.4), one short iteration each.
 */
public final class KafkaPathRun {
    static final String JAR_44 = "bench/target/kqat-benchmarks.jar";
    static final String JAR_39 = "bench/kafka-3.9/target/kqat-benchmarks-kafka-3.9.jar";

    /** JMH include patterns, anchored: a bare "CodecOnlyBenchmark" also selects ZstdCodecOnlyBenchmark. */
    private static final String KAFKA_PATH = "\\.KafkaPathBenchmark\\.";
    private static final String CODEC_ONLY = "\\.CodecOnlyBenchmark\\.";

    private KafkaPathRun() {
    }

    /** JMH arguments of the short form for one release (4.4 also runs the codec-only rows). */
    public static List<String> quickArgs(boolean withCodecOnly) {
        List<String> args = new ArrayList<>(List.of("\\.KafkaPathBenchmark\\.(build|consume)$"));
        if (withCodecOnly) {
            args.add("\\.CodecOnlyBenchmark\\.compress$"); // not ZstdCodecOnlyBenchmark's
        }
        args.addAll(List.of("-foe", "true", "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms",
                "-p", "codec=gzip-6,kqat-libdeflate-6", "-p", "kqatCodec=kqat-libdeflate-6", "-p", "batchBytes=65536", "-p", "datasetBytes=2000000"));
        return args;
    }

    public static void main(String[] argv) throws Exception {
        boolean quick = false;
        boolean tablesOnly = false;
        Path out = null;
        List<String> releases = List.of("4.4", "3.9");
        List<String> jmh = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--quick": quick = true; break;
                case "--tables-only": tablesOnly = true; break;
                case "--out": out = Paths.get(argv[++i]); break;
                case "--releases": releases = Arrays.asList(argv[++i].split(",")); break;
                case "--": jmh.addAll(Arrays.asList(argv).subList(i + 1, argv.length)); i = argv.length; break;
                default: throw new IllegalArgumentException("unknown option " + argv[i]
                        + " (--quick, --out DIR, --releases 4.4,3.9, --tables-only, -- JMH options)");
            }
        }
        Path home = KafkaRuntimes.locate().home();
        Path dir = out != null ? out : home.resolve("bench/target/kafka-path");
        Files.createDirectories(dir);
        KafkaPathTable table = new KafkaPathTable();
        for (String release : releases) {
            boolean is44 = release.equals("4.4");
            if (!is44 && !release.equals("3.9")) {
                throw new IllegalArgumentException("releases are 4.4 and 3.9, not " + release);
            }
            List<String> args = new ArrayList<>(quick ? quickArgs(is44)
                    : is44 ? List.of(KAFKA_PATH, CODEC_ONLY) : List.of(KAFKA_PATH));
            args.addAll(jmh);
            Path csv = dir.resolve("kafka-" + release + ".csv");
            if (!tablesOnly) {
                runJmh(home.resolve(is44 ? JAR_44 : JAR_39), args, csv);
            }
            table.add(release, csv);
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        table.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        Files.write(dir.resolve("kafka-path.md"), text.toByteArray());
        System.out.println(text.toString(StandardCharsets.UTF_8));
        System.out.println("(tables also in " + dir.resolve("kafka-path.md") + ")");
    }

    private static void runJmh(Path jar, List<String> args, Path csv) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the project (mvn -B -ntp package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djmh.ignoreLock=true", "-jar", jar.toString()));
        command.addAll(args);
        command.addAll(List.of("-rf", "csv", "-rff", csv.toString()));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0 || !Files.isRegularFile(csv)) {
            throw new IllegalStateException("JMH failed (exit " + exit + "): " + String.join(" ", command));
        }
    }
}
