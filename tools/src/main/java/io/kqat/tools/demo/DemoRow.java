package io.kqat.tools.demo;

import io.kqat.local.workload.WorkloadReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * One line of the demo's table: who did what, with which backend, how fast, and what it cost: the CPU per record of
 * the client's application thread (the one calling send() or poll(), which compresses or decompresses each batch) and
 * of the emulated QAT device, whose process is not the client's.
 */
record DemoRow(String run, String backend, String batches, double ratio, double megabytesPerSecond,
               double applicationMicros, double deviceMicros, DemoRow baseline) {

    static DemoRow produced(String run, WorkloadReport r, DemoRow baseline) {
        boolean kqat = "true".equals(r.get("kqat.installed"));
        double rate = r.getDouble("compressionRate");
        return new DemoRow(run, kqat ? r.get("kqat.Backend") : "zlib (JDK)", kqat ? batches(r, "kqat.CompressBatches") : "-",
                rate > 0 ? 1 / rate : Double.NaN, r.megabytesPerSecond(),
                perRecord(r, "cpu.application"), perRecord(r, "cpu.device"), baseline);
    }

    /** A zstd producer: kqat's zstd rung that served (its {@code kqat.zstd.*} counters), or Kafka's own zstd-jni. */
    static DemoRow producedZstd(String run, WorkloadReport r, DemoRow baseline) {
        boolean kqat = "true".equals(r.get("kqat.zstd.installed"));
        double rate = r.getDouble("compressionRate");
        return new DemoRow(run, kqat ? r.get("kqat.zstd.Backend") : "zstd-jni", kqat ? r.get("kqat.zstd.CompressBatches")
                : "-", rate > 0 ? 1 / rate : Double.NaN, r.megabytesPerSecond(), perRecord(r, "cpu.application"),
                perRecord(r, "cpu.device"), baseline);
    }

    static DemoRow consumed(String run, WorkloadReport r, DemoRow baseline) {
        boolean kqat = "true".equals(r.get("kqat.installed"));
        double ratio = kqat && r.getLong("kqat.DecompressBytesIn") > 0
                ? (double) r.getLong("bytes") / r.getLong("kqat.DecompressBytesIn") : Double.NaN;
        return new DemoRow(run, kqat ? r.get("kqat.DecompressBackend") : "zlib (JDK)",
                kqat ? batches(r, "kqat.DecompressBatches") : "-", ratio, r.megabytesPerSecond(),
                perRecord(r, "cpu.application"), perRecord(r, "cpu.device"), baseline);
    }

    /** The batches kqat served, with those its software rungs served while the device started ({@code 120 (35 sw)}). */
    private static String batches(WorkloadReport r, String key) {
        String before = r.get("kqat.BatchesBeforeStart");
        return r.get(key) + (before == null || before.equals("0") ? "" : " (" + before + " sw)");
    }

    /** µs per record of a CPU figure of the report (the whole run, start-up included), NaN when absent. */
    private static double perRecord(WorkloadReport r, String key) {
        double nanos = r.getDouble(key);
        String records = r.get("records");
        return records == null ? Double.NaN : nanos / Long.parseLong(records) / 1e3;
    }

    /** Prints the rows; a kqat row is compared with its stock baseline, measured in the same run. */
    static void printTable(List<DemoRow> rows, PrintStream out) {
        out.printf(Locale.ROOT, "%-30s %-12s %14s %7s %10s %10s %14s %14s%n", "run", "backend", "batches", "ratio", "MB/s",
                "vs stock", "app µs/record", "device µs/rec");
        for (DemoRow r : rows) {
            String vs = r.baseline == null ? ""
                    : String.format(Locale.ROOT, "%.2fx", r.megabytesPerSecond / r.baseline.megabytesPerSecond);
            out.printf(Locale.ROOT, "%-30s %-12s %14s %7s %10.1f %10s %14s %14s%n", r.run, r.backend, r.batches,
                    Double.isNaN(r.ratio) ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio), r.megabytesPerSecond, vs,
                    figure(r.applicationMicros), r.deviceMicros > 0 ? figure(r.deviceMicros) : "-");
        }
        out.println("app µs/record: CPU of the thread calling send() or poll() (it compresses or decompresses each "
                + "batch), whole run; device: the QAT emulator's own process, counted in no JVM's figure; (N sw): "
                + "batches kqat's software rungs served while the device started in the background.");
    }

    private static String figure(double micros) {
        return Double.isNaN(micros) ? "-" : String.format(Locale.ROOT, "%.2f", micros);
    }
}
