package io.kqat.tools.demo;

import io.kqat.local.workload.WorkloadReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** One line of the demo's table: who did what, with which backend, and how fast. */
record DemoRow(String run, String backend, String batches, double ratio, double megabytesPerSecond, DemoRow baseline) {

    static DemoRow produced(String run, WorkloadReport r, DemoRow baseline) {
        boolean kqat = "true".equals(r.get("kqat.installed"));
        double rate = r.getDouble("compressionRate");
        return new DemoRow(run, kqat ? r.get("kqat.Backend") : "zlib (JDK)",
                kqat ? r.get("kqat.CompressBatches") : "-", rate > 0 ? 1 / rate : Double.NaN, r.megabytesPerSecond(), baseline);
    }

    static DemoRow consumed(String run, WorkloadReport r, DemoRow baseline) {
        boolean kqat = "true".equals(r.get("kqat.installed"));
        double ratio = kqat && r.getLong("kqat.DecompressBytesIn") > 0
                ? (double) r.getLong("bytes") / r.getLong("kqat.DecompressBytesIn") : Double.NaN;
        return new DemoRow(run, kqat ? r.get("kqat.DecompressBackend") : "zlib (JDK)",
                kqat ? r.get("kqat.DecompressBatches") : "-", ratio, r.megabytesPerSecond(), baseline);
    }

    /** Prints the rows; a kqat row is compared with its stock baseline, measured in the same run. */
    static void printTable(List<DemoRow> rows, PrintStream out) {
        out.printf(Locale.ROOT, "%-30s %-12s %8s %7s %10s %10s%n", "run", "backend", "batches", "ratio", "MB/s", "vs stock");
        for (DemoRow r : rows) {
            String vs = r.baseline == null ? ""
                    : String.format(Locale.ROOT, "%.2fx", r.megabytesPerSecond / r.baseline.megabytesPerSecond);
            out.printf(Locale.ROOT, "%-30s %-12s %8s %7s %10.1f %10s%n", r.run, r.backend, r.batches,
                    Double.isNaN(r.ratio) ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio), r.megabytesPerSecond, vs);
        }
    }
}
