package io.kqat.tools.bench;

import io.kqat.codec.CodecConfig;
import io.kqat.testkit.KafkaLikeEvents;
import io.kqat.tools.CliArgs;
import io.kqat.tools.CodecOptions;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** {@code kqat bench}: compress and decompress throughput and ratio per backend and level, side by side in one run. */
public final class BenchCommand implements io.kqat.tools.Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "throughput and ratio of every backend and level on your data or Kafka-like records";
    }

    @Override
    public String help() {
        return """
                usage: kqat bench [--input FILE | --size BYTES] [options]
                  --input FILE       data to measure (default: generated Kafka-like JSON events)
                  --size BYTES       amount of generated data (default 16777216)
                  --batch BYTES      bytes per gzip member, like one Kafka batch (default 65536)
                  --levels LIST      comma-separated levels (default 1,6,9)
                  --backends LIST    comma-separated backends (default: every one ready here)
                  --seconds S        measuring time per cell and direction (default 1.0)
                  --csv FILE         also write the results as CSV
                  --png FILE         also draw throughput against ratio as a PNG chart
                  --mode MODE        auto | qat | software | jdk: which backends are candidates (default auto)
                  --emulator[=iova|legacy]  include the QAT emulator (see kqat doctor --help)
                """;
    }

    @Override
    public int run(String[] argv, InputStream in, PrintStream out, PrintStream err) throws Exception {
        CliArgs args = new CliArgs(argv,
                Set.of("input", "size", "batch", "levels", "backends", "seconds", "csv", "png", "mode"),
                CodecOptions.FLAGS);
        CodecConfig base = CodecOptions.from(args);
        byte[] data = args.has("input")
                ? Files.readAllBytes(Paths.get(args.get("input", null)))
                : new KafkaLikeEvents(42).fill(args.getInt("size", 16 << 20));
        if (data.length == 0) {
            throw new CliArgs.UsageException("nothing to measure: the input is empty");
        }
        int batch = args.getInt("batch", 64 << 10);
        if (batch <= 0) {
            throw new CliArgs.UsageException("--batch must be positive");
        }
        List<Integer> levels = Arrays.stream(args.get("levels", "1,6,9").split(",")).map(String::trim)
                .map(Integer::parseInt).toList();
        for (int l : levels) {
            if (l < 1 || l > 9) {
                throw new CliArgs.UsageException("levels are 1..9, got " + l);
            }
        }
        List<String> backends = args.has("backends")
                ? Arrays.stream(args.get("backends", "").split(",")).map(String::trim).toList()
                : BenchRunner.readyBackends(base);
        BenchRunner runner = new BenchRunner(data, batch, args.getDouble("seconds", 1.0));

        String source = args.has("input") ? args.get("input", null) : "generated Kafka-like JSON events";
        out.printf("kqat bench: %s, %.1f MiB in %d-byte batches (one gzip member each), levels %s%n",
                source, data.length / 1048576.0, batch, levels);
        if (args.has("emulator")) {
            out.println("note: QAT rows run on kqat's emulator (zlib on this CPU): they show the data path and the copies,"
                    + " not a device's speed");
        }
        List<BenchResult> results = new ArrayList<>();
        int total = backends.size() * levels.size();
        int done = 0;
        for (String backend : backends) {
            for (int level : levels) {
                err.printf("\r[%d/%d] %-11s level %d ...   ", ++done, total, backend, level);
                err.flush();
                BenchResult r = runner.run(base, backend, level);
                if (r != null) {
                    results.add(r);
                }
            }
        }
        err.print("\r" + " ".repeat(50) + "\r");
        err.flush();
        BenchTable.print(results, out);
        if (args.has("csv")) {
            Path csv = Paths.get(args.get("csv", null));
            BenchTable.writeCsv(results, csv);
            out.println("csv written to " + csv);
        }
        if (args.has("png")) {
            Path png = Paths.get(args.get("png", null));
            BenchChart.write(results, "kqat bench: " + source + ", " + batch + "-byte batches", png);
            out.println("chart written to " + png);
        }
        return 0;
    }
}
