package io.kqat.bench.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the JMH results of {@code KafkaPathBenchmark} (one CSV per kafka-clients release) and
 * {@code CodecOnlyBenchmark} into the README's tables: MB of uncompressed records per CPU-second of the benchmark
 * thread (and per wall-clock second for the build) per codec and batch size, the ratio, kqat rows beside stock gzip at
 * the same level and beside the bare codec on the same batches, and the goals as measured ratios. Results
 * without CPU counters (older runs) fall back to wall-clock MB/s throughout.
 */
public final class KafkaPathTable {
    private final Map<String, Double> scores = new LinkedHashMap<>();
    private final Map<String, Set<String>> codecs = new LinkedHashMap<>();
    private final Set<Integer> batchSizes = new java.util.TreeSet<>();

    /** Adds one results file; {@code label} names the kafka-clients release it ran on (codec-only rows ignore it). */
    public KafkaPathTable add(String label, Path csv) {
        for (JmhCsv.Row r : JmhCsv.read(csv)) {
            String codec = r.param("kqatCodec").isEmpty() ? r.param("codec") : r.param("kqatCodec");
            int batch = Integer.parseInt(r.param("batchBytes"));
            String source = r.benchmark().equals("CodecOnlyBenchmark") ? "codec" : label;
            scores.put(key(source, r.method(), r.metric(), codec, batch), r.score());
            if (!source.equals("codec")) {
                codecs.computeIfAbsent(label, k -> new LinkedHashSet<>()).add(codec);
            }
            batchSizes.add(batch);
        }
        return this;
    }

    public void print(PrintStream out) {
        for (Map.Entry<String, Set<String>> release : codecs.entrySet()) {
            for (int batch : batchSizes) {
                printTable(out, release.getKey(), release.getValue(), batch);
            }
            printGoals(out, release.getKey());
        }
    }

    private void printTable(PrintStream out, String label, Set<String> rows, int batch) {
        List<String> lines = new ArrayList<>();
        for (String codec : rows) {
            Double build = mbs(label, "build", codec, batch);
            Double consume = mbs(label, "consume", codec, batch);
            Double validate = mbs(label, "validate", codec, batch);
            if (build == null && consume == null && validate == null) {
                continue;
            }
            String stock = stockFor(codec);
            Double codecCompress = mbs("codec", "compress", codec, batch);
            Double codecInflate = mbs("codec", "decompress", codec, batch);
            lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
                    codec, num(build), times(build, mbs(label, "build", stock, batch)),
                    num(consume), times(consume, mbs(label, "consume", stock, batch)),
                    num(validate), times(validate, mbs(label, "validate", stock, batch)),
                    ratio(label, codec, batch), num(codecCompress), times(build, codecCompress),
                    hookMicros(label, codec, batch), num(codecInflate), times(consume, codecInflate),
                    num(wallMbs(label, "build", codec, batch))));
        }
        if (lines.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%n### kafka-clients %s, %d KiB batches (MB of uncompressed records per %s)%n%n", label,
                batch >> 10, hasCpu(label) ? "CPU-second of the benchmark thread" : "second");
        out.println("| codec | build | × stock | consume | × stock | validate | × stock | ratio "
                + "| codec-only compress | build ÷ codec | hook µs/batch | codec-only inflate | consume ÷ codec | build MB/s (wall) |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        lines.forEach(out::println);
    }

    private void printGoals(PrintStream out, String label) {
        int batch = 65536;
        if (mbs(label, "build", "gzip-6", batch) == null) {
            return;
        }
        out.printf(Locale.ROOT, "%n### Goals, kafka-clients %s, 64 KiB batches (measured ratio, goal)%n%n", label);
        goal(out, "build kqat gzip-6 (libdeflate) ÷ stock gzip-6", mbs(label, "build", "kqat-libdeflate-6", batch),
                mbs(label, "build", "gzip-6", batch), 1.6);
        goal(out, "build kqat gzip-1 (isal) ÷ zstd", mbs(label, "build", "kqat-isal-1", batch),
                mbs(label, "build", "zstd", batch), 1.0);
        goal(out, "build kqat gzip-6 ÷ codec-only", mbs(label, "build", "kqat-libdeflate-6", batch),
                mbs("codec", "compress", "kqat-libdeflate-6", batch), 0.9);
        goal(out, "build kqat gzip-1 ÷ codec-only", mbs(label, "build", "kqat-isal-1", batch),
                mbs("codec", "compress", "kqat-isal-1", batch), 0.9);
        goal(out, "consume kqat (libdeflate) ÷ stock gzip-6", mbs(label, "consume", "kqat-libdeflate-6", batch),
                mbs(label, "consume", "gzip-6", batch), 1.8);
        goal(out, "validate kqat (libdeflate) ÷ stock gzip-6", mbs(label, "validate", "kqat-libdeflate-6", batch),
                mbs(label, "validate", "gzip-6", batch), 1.8);
    }

    private static void goal(PrintStream out, String what, Double a, Double b, double target) {
        if (a == null || b == null) {
            return;
        }
        double r = a / b;
        out.printf(Locale.ROOT, "- %s: %.2f (goal ≥ %.1f: %s)%n", what, r, target, r >= target ? "met" : "not met");
    }

    /** Time per batch the hook adds beyond Kafka's own work (the none row) and the bare codec, in microseconds. */
    private String hookMicros(String label, String codec, int batch) {
        Double kqat = microsPerBatch(label, "build", codec, batch);
        Double none = microsPerBatch(label, "build", "none", batch);
        Double bare = microsPerBatch("codec", "compress", codec, batch);
        if (kqat == null || none == null || bare == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f", kqat - none - bare);
    }

    /** CPU (or, without CPU counters, wall-clock) microseconds per batch. */
    private Double microsPerBatch(String source, String method, String codec, int batch) {
        Double ops = scores.get(key(source, method, "", codec, batch));
        if (ops == null) {
            return null;
        }
        Double cpu = scores.get(key(source, method, "cpuNanos", codec, batch));
        return cpu != null ? cpu / ops / 1e3 : 1e6 / ops;
    }

    private boolean hasCpu(String label) {
        return scores.keySet().stream().anyMatch(k -> k.startsWith(label + "|") && k.contains("|cpuNanos|"));
    }

    private String ratio(String label, String codec, int batch) {
        Double u = scores.get(key(label, "build", "uncompressed", codec, batch));
        Double c = scores.get(key(label, "build", "compressed", codec, batch));
        return u == null || c == null || c == 0 ? "" : String.format(Locale.ROOT, "%.2f", u / c);
    }

    /** MB per CPU-second of the benchmark thread, or per second when the results have no CPU counters. */
    private Double mbs(String source, String method, String codec, int batch) {
        Double wall = wallMbs(source, method, codec, batch);
        Double cpu = codec == null ? null : scores.get(key(source, method, "cpuNanos", codec, batch));
        if (wall == null || cpu == null) {
            return wall;
        }
        return wall / (cpu / 1e9);
    }

    private Double wallMbs(String source, String method, String codec, int batch) {
        if (codec == null) {
            return null;
        }
        Double bytes = scores.get(key(source, method, "uncompressed", codec, batch));
        return bytes == null ? null : bytes / 1e6;
    }

    /** Stock gzip at the kqat row's level. */
    private static String stockFor(String codec) {
        return codec.startsWith("kqat-") ? "gzip-" + codec.substring(codec.lastIndexOf('-') + 1) : null;
    }

    private static String key(String source, String method, String metric, String codec, int batch) {
        return source + '|' + method + '|' + metric + '|' + codec + '|' + batch;
    }

    private static String num(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
    }

    private static String times(Double a, Double b) {
        return a == null || b == null ? "" : String.format(Locale.ROOT, "%.2f×", a / b);
    }
}
