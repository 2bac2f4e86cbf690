package io.kqat.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The bench results as a text table (with each figure against the JDK's at the same level) and as CSV. */
public final class BenchTable {
    private BenchTable() {
    }

    public static void print(List<BenchResult> results, PrintStream out) {
        print(results, "jdk", out);
    }

    /** The table with each figure against {@code base}'s at the same level ({@code jdk}; {@code zstd-jni} for zstd). */
    public static void print(List<BenchResult> results, String base, PrintStream out) {
        String vs = "vs " + base;
        out.printf(Locale.ROOT, "%-11s %5s %12s %8s %14s %8s %7s  %-12s %s%n",
                "backend", "level", "compress", vs, "decompress", vs, "ratio", "mode", "input copied");
        for (BenchResult r : results) {
            BenchResult jdk = results.stream().filter(x -> x.backend().equals(base) && x.level() == r.level())
                    .findFirst().orElse(null);
            String decompress = Double.isNaN(r.decompressMBps()) ? "(not served)"
                    : String.format(Locale.ROOT, "%.1f MB/s", r.decompressMBps());
            String copied = r.copiedShare() < 0 ? "-"
                    : String.format(Locale.ROOT, "%d of %d B (%.0f%%)", r.compressInputCopied(), r.compressInputBytes(),
                            100 * r.copiedShare());
            out.printf(Locale.ROOT, "%-11s %5d %7.1f MB/s %8s %14s %8s %7.2f  %-12s %s%n",
                    r.backend(), r.level(), r.compressMBps(), times(r.compressMBps(), jdk == null ? 0 : jdk.compressMBps()),
                    decompress, times(r.decompressMBps(), jdk == null ? 0 : jdk.decompressMBps()),
                    r.ratio(), r.mode(), copied);
        }
    }

    private static String times(double value, double base) {
        return base <= 0 || Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2fx", value / base);
    }

    public static void writeCsv(List<BenchResult> results, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("backend,level,input_bytes,compressed_bytes,ratio,compress_mb_per_s,decompress_mb_per_s,mode,"
                    + "compress_input_copied_bytes,compress_input_bytes\n");
            for (BenchResult r : results) {
                String decompress = Double.isNaN(r.decompressMBps()) ? "" : String.format(Locale.ROOT, "%.2f", r.decompressMBps());
                w.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%.4f,%.2f,%s,%s,%d,%d%n", r.backend(), r.level(),
                        r.inputBytes(), r.compressedBytes(), r.ratio(), r.compressMBps(), decompress, r.mode(),
                        r.compressInputCopied(), r.compressInputBytes()));
            }
        }
    }
}
