package io.kqat.local.e2e;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The end-to-end results as the README's table, and the goals as measured ratios. */
public final class E2eTable {
    private E2eTable() {
    }

    public static void print(List<E2eResult> results, E2eSettings settings, PrintWriter out) {
        out.printf(Locale.ROOT, "%nEnd to end: CPU per record as the slope between %,d and %,d records "
                        + "(producer batch.size %d, clients %s); MB/s of record values, also as that slope%n%n",
                settings.shortRecords(), settings.longRecords(), settings.batchSize(), settings.clients());
        out.println("| codec | producer µs/record | consumer µs/record | broker µs/record | producer MB/s | consumer MB/s | ratio | kqat backends: producer / consumer (batches) |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (E2eResult r : results) {
            out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.1f | %.1f | %.2f | %s |%n", r.row().name(),
                    r.producerMicrosPerRecord(), r.consumerMicrosPerRecord(), r.brokerMicrosPerRecord(),
                    r.producerMegabytesPerSecond(), r.consumerMegabytesPerSecond(), r.ratio(), r.kqatBackends());
        }
        out.println();
        goal(out, results, "producer CPU/record kqat gzip-1 ÷ zstd", "kqat-gzip-1", "zstd", 1.0);
        goal(out, results, "producer CPU/record kqat gzip-6 ÷ stock gzip-6", "kqat-gzip-6", "gzip-6", 0.4);
        goal(out, results, "consumer CPU/record kqat gzip-6 ÷ stock gzip-6", "kqat-gzip-6", "gzip-6", Double.NaN);
    }

    private static void goal(PrintWriter out, List<E2eResult> results, String what, String a, String b, double max) {
        Optional<E2eResult> x = find(results, a);
        Optional<E2eResult> y = find(results, b);
        if (x.isEmpty() || y.isEmpty()) {
            return;
        }
        boolean consumer = what.startsWith("consumer");
        double r = consumer ? x.get().consumerMicrosPerRecord() / y.get().consumerMicrosPerRecord()
                : x.get().producerMicrosPerRecord() / y.get().producerMicrosPerRecord();
        String verdict = Double.isNaN(max) ? "" : String.format(Locale.ROOT, " (goal ≤ %.1f: %s)", max, r <= max ? "met" : "not met");
        out.printf(Locale.ROOT, "- %s: %.2f%s%n", what, r, verdict);
    }

    private static Optional<E2eResult> find(List<E2eResult> results, String name) {
        return results.stream().filter(r -> r.row().name().equals(name)).findFirst();
    }
}
