package io.kqat.local.e2e;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The end-to-end results as the README's tables, and the issues' goals as measured ratios. */
public final class E2eTable {
    static final String NOISE = "noise";

    private E2eTable() {
    }

    public static void print(List<E2eResult> results, E2eSettings settings, PrintWriter out) {
        out.printf(Locale.ROOT, "%nEnd to end: CPU per record as the slope between %,d and %,d records "
                        + "(producer batch.size %d, clients %s); MB/s of record values, also as that slope. CPU is each "
                        + "JVM's, all its threads; the emulated QAT device's own process is not in it%n%n",
                settings.shortRecords(), settings.longRecords(), settings.batchSize(), settings.clients());
        out.println("| codec | producer µs/record | consumer µs/record | broker µs/record | producer MB/s | consumer MB/s | ratio | kqat backends: producer / consumer (batches) |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (E2eResult r : results) {
            out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.1f | %.1f | %.2f | %s |%n", r.row().name(),
                    r.producerMicrosPerRecord(), r.consumerMicrosPerRecord(), r.brokerMicrosPerRecord(),
                    r.producerMegabytesPerSecond(), r.consumerMegabytesPerSecond(), r.ratio(), r.kqatBackends());
        }
        out.printf("(a negative figure: the longer run cost less than the shorter one; see %s below)%n", NOISE);
        out.printf("%nBy thread group, µs/record (application: the thread calling send() or poll(); sender: "
                + "kafka-producer-network-thread; handlers: data-plane-kafka-request-handler-*; kqat: kqat-*); the "
                + "emulated device's CPU per record apart, as producer / broker / consumer%n%n");
        out.println("| codec | producer application | producer sender | producer kqat | consumer application | broker handlers | broker kqat | device: producer / broker / consumer | producer records/s |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (E2eResult r : results) {
            E2eThreads t = r.threads();
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s / %s / %s | %s |%n",
                    r.row().name(), f2(t.producerApplication()), f2(t.producerSender()), f2(t.producerKqat()),
                    f2(t.consumerApplication()), f2(t.brokerHandlers()), f2(t.brokerKqat()), f2(t.producerDevice()),
                    f2(t.brokerDevice()), f2(t.consumerDevice()), t.producerRecordsPerSecond() > 0
                            ? String.format(Locale.ROOT, "%,.0f", t.producerRecordsPerSecond()) : NOISE);
        }
        out.printf("%n%s: the longer run cost less than the shorter one, so other load outweighed the difference; no "
                + "figure (run longer, or on a quieter machine)%n%n", NOISE);
        goal(out, results, "producer CPU/record kqat gzip-1 ÷ zstd", "kqat-gzip-1", "zstd", E2eResult::producerMicrosPerRecord, 1.0);
        goal(out, results, "producer CPU/record kqat gzip-6 ÷ stock gzip-6", "kqat-gzip-6", "gzip-6", E2eResult::producerMicrosPerRecord, 0.4);
        goal(out, results, "consumer CPU/record kqat gzip-6 ÷ stock gzip-6", "kqat-gzip-6", "gzip-6", E2eResult::consumerMicrosPerRecord, Double.NaN);
        goal(out, results, "producer application-thread CPU/record QAT gzip-6 ÷ zstd", "qat-gzip-6", "zstd", r -> r.threads().producerApplication(), 1.0);
        goal(out, results, "producer application-thread CPU/record QAT gzip-6 ÷ stock gzip-6", "qat-gzip-6", "gzip-6", r -> r.threads().producerApplication(), 0.5);
        goal(out, results, "broker CPU/record QAT gzip-6 ÷ zstd", "qat-gzip-6", "zstd", E2eResult::brokerMicrosPerRecord, 1.0);
        goal(out, results, "broker request-handler CPU/record QAT gzip-6 ÷ zstd", "qat-gzip-6", "zstd", r -> r.threads().brokerHandlers(), Double.NaN);
        // Issue 22: validating kqat's gzip in software against validating zstd (Kafka's default level, 3).
        for (String kqatGzip : new String[] {"kqat-gzip-1", "kqat-gzip-6"}) {
            goal(out, results, "broker request-handler CPU/record " + kqatGzip + " ÷ zstd", kqatGzip, "zstd",
                    r -> r.threads().brokerHandlers(), 1.25);
        }
        goal(out, results, "producer CPU/record kqat zstd-3 (libzstd) ÷ stock zstd", "kqat-zstd-3", "zstd", E2eResult::producerMicrosPerRecord, Double.NaN);
        goal(out, results, "producer application-thread CPU/record QAT zstd-3 ÷ stock zstd (the whole thread, "
                + "not only compression's share)", "qat-zstd-3", "zstd", r -> r.threads().producerApplication(), Double.NaN);
        goal(out, results, "broker CPU/record QAT zstd-3 ÷ stock zstd", "qat-zstd-3", "zstd", E2eResult::brokerMicrosPerRecord, Double.NaN);
        for (String kqatRow : new String[] {"kqat-zstd-3", "qat-zstd-3", "qat6-zstd-3"}) {
            compressionShare(out, results, kqatRow);
        }
        atLeast(out, results, "producer records/s QAT gzip-6 ÷ stock gzip-6", "qat-gzip-6", "gzip-6", r -> r.threads().producerRecordsPerSecond(), 1.0);
    }

    /**
     * Issue 21: compression's share of the producer's application thread, the row's CPU per record minus the same with
     * compression.type=none, against stock zstd level 3's share ({@code zstd-3}, else {@code zstd}: Kafka's default
     * level is 3); and the compression ratios side by side.
     */
    private static void compressionShare(PrintWriter out, List<E2eResult> results, String row) {
        Optional<E2eResult> none = find(results, "none");
        Optional<E2eResult> stock = find(results, "zstd-3").or(() -> find(results, "zstd"));
        Optional<E2eResult> kqat = find(results, row);
        if (none.isEmpty() || stock.isEmpty() || kqat.isEmpty()) {
            return;
        }
        double base = none.get().threads().producerApplication();
        double stockShare = stock.get().threads().producerApplication() - base;
        double share = kqat.get().threads().producerApplication() - base;
        String what = "compression's share of the producer application thread's CPU/record (row − none) " + row
                + " ÷ stock " + stock.get().row().name();
        if (!(base > 0) || !(stockShare > 0) || !(share > 0)) { // a share of nothing or less is noise, not a result
            out.printf(Locale.ROOT, "- %s: not measured in this run (%s)%n", what, NOISE);
            return;
        }
        double r = share / stockShare;
        out.printf(Locale.ROOT, "- %s: %.2f (%.2f ÷ %.2f µs; goal ≤ 0.35: %s); compression ratio %.3f ÷ %.3f = %.3f "
                        + "(goal ≥ 0.9)%n", what, r, share, stockShare, r <= 0.35 ? "met" : "not met",
                kqat.get().ratio(), stock.get().ratio(), kqat.get().ratio() / stock.get().ratio());
    }

    private static void goal(PrintWriter out, List<E2eResult> results, String what, String a, String b,
                             ToDoubleFunction<E2eResult> figure, double max) {
        ratio(out, results, what, a, b, figure, max, true);
    }

    private static void atLeast(PrintWriter out, List<E2eResult> results, String what, String a, String b,
                                ToDoubleFunction<E2eResult> figure, double min) {
        ratio(out, results, what, a, b, figure, min, false);
    }

    private static void ratio(PrintWriter out, List<E2eResult> results, String what, String a, String b,
                              ToDoubleFunction<E2eResult> figure, double bound, boolean atMost) {
        Optional<E2eResult> x = find(results, a);
        Optional<E2eResult> y = find(results, b);
        if (x.isEmpty() || y.isEmpty()) {
            return;
        }
        double fx = figure.applyAsDouble(x.get());
        double fy = figure.applyAsDouble(y.get());
        if (!(fx > 0) || !(fy > 0)) {
            out.printf(Locale.ROOT, "- %s: not measured in this run (%s)%n", what, NOISE);
            return;
        }
        double r = fx / fy;
        String verdict = Double.isNaN(bound) ? "" : String.format(Locale.ROOT, " (goal %s %s: %s)", atMost ? "≤" : "≥",
                String.format(Locale.ROOT, bound * 10 == Math.rint(bound * 10) ? "%.1f" : "%.2f", bound),
                (atMost ? r <= bound : r >= bound) ? "met" : "not met");
        out.printf(Locale.ROOT, "- %s: %.2f%s%n", what, r, verdict);
    }

    /** A figure, or {@link #NOISE} where the slope came out negative. */
    private static String f2(double v) {
        return v < 0 ? NOISE : String.format(Locale.ROOT, "%.2f", v);
    }

    private static Optional<E2eResult> find(List<E2eResult> results, String name) {
        return results.stream().filter(r -> r.row().name().equals(name)).findFirst();
    }
}
