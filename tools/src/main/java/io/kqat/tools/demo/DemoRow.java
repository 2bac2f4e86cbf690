package io.kqat.tools.demo;

import io.kqat.local.workload.WorkloadReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** One line of the demo's table: who did what, with which backend, and how fast. */
record DemoRow(String run, boolean produce, String backend, String batches, double ratio, double megabytesPerSecond) {

    static DemoRow produced(String run, WorkloadReport r) {
        boolean kqat = "true".equals(r.get("kqat.installed"));
        double rate = r.getDouble("compressionRate");
        return new DemoRow(run, true, kqat ? r.get("kqat.Backend") : "zlib (JDK)",
                kqat ? r.get("kqat.CompressBatches") : "-", rate > 0 ? 1 / rate : Double.NaN, r.megabytesPerSecond());
    }

    static DemoRow consumed(String run, WorkloadReport r) {
        boolean kqat = "true".equals(r.get("kqat.installed"));
        double ratio = kqat && r.getLong("kqat.DecompressBytesIn") > 0
                ? (double) r.getLong("bytes") / r.getLong("kqat.DecompressBytesIn") : Double.NaN;
        return new DemoRow(run, false, kqat ? r.get("kqat.Backend") : "zlib (JDK)",
                kqat ? r.get("kqat.DecompressBatches") : "-", ratio, r.megabytesPerSecond());
    }

    /** Prints the rows, each kqat row compared with the stock row of the same kind (the one right after it). */
    static void printTable(List<DemoRow> rows, PrintStream out) {
        out.printf(Locale.ROOT, "%-28s %-12s %8s %7s %10s %10s%n", "run", "backend", "batches", "ratio", "MB/s", "vs stock");
        for (int i = 0; i < rows.size(); i++) {
            DemoRow r = rows.get(i);
            String vs = "";
            if (i % 2 == 0 && i + 1 < rows.size()) {
                vs = String.format(Locale.ROOT, "%.2fx", r.megabytesPerSecond / rows.get(i + 1).megabytesPerSecond);
            }
            out.printf(Locale.ROOT, "%-28s %-12s %8s %7s %10.1f %10s%n", r.run, r.backend, r.batches,
                    Double.isNaN(r.ratio) ? "-" : String.format(Locale.ROOT, "%.2f", r.ratio), r.megabytesPerSecond, vs);
        }
    }
}
