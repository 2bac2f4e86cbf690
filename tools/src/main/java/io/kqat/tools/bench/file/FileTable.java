package io.kqat.tools.bench.file;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The whole-file runs as a table and as CSV. Each C tool's row shows kqat's speed over the tool's on the same work:
 * the same level compressing (kqat at its default threads), the same input decompressing.
 */
public final class FileTable {
    private FileTable() {
    }

    public static void print(List<FileRun> runs, PrintStream out) {
        out.printf(Locale.ROOT, "%-10s %5s  %-28s %-40s %8s %9s %7s %10s%n", "direction", "level", "input", "tool",
                "seconds", "MB/s", "ratio", "kqat/tool");
        for (FileRun r : runs) {
            out.printf(Locale.ROOT, "%-10s %5d  %-28s %-40s %8s %9s %7.2f %10s%s%n", r.direction(), r.level(),
                    r.input() == null ? "-" : r.input(), r.tool(),
                    r.ok() ? String.format(Locale.ROOT, "%.2f", r.seconds()) : "-",
                    r.ok() ? String.format(Locale.ROOT, "%.1f", r.megabytesPerSecond()) : "-", r.ratio(),
                    versus(runs, r), r.note().isEmpty() ? "" : "  " + r.note());
        }
    }

    /** kqat's MB/s over this row's, for a C tool's row; "-" for kqat's own rows and failed runs. */
    static String versus(List<FileRun> runs, FileRun r) {
        FileRun kqat = r.kqat() || !r.ok() ? null : runs.stream()
                .filter(k -> k.kqat() && k.direction().equals(r.direction()) && k.level() == r.level()
                        && Objects.equals(k.input(), r.input()) && k.ok())
                .findFirst().orElse(null);
        return kqat == null ? "-" : String.format(Locale.ROOT, "%.2fx", kqat.megabytesPerSecond() / r.megabytesPerSecond());
    }

    public static void writeCsv(List<FileRun> runs, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("direction,level,input,tool,plain_bytes,gzip_bytes,seconds,mb_per_s,ratio,kqat_vs_tool,note\n");
            for (FileRun r : runs) {
                String vs = versus(runs, r);
                w.write(String.format(Locale.ROOT, "%s,%d,%s,%s,%d,%d,%s,%s,%.4f,%s,%s%n", r.direction(), r.level(),
                        csv(r.input() == null ? "" : r.input()), csv(r.tool()), r.plainBytes(), r.gzipBytes(),
                        r.ok() ? String.format(Locale.ROOT, "%.4f", r.seconds()) : "",
                        r.ok() ? String.format(Locale.ROOT, "%.2f", r.megabytesPerSecond()) : "", r.ratio(),
                        vs.equals("-") ? "" : vs.substring(0, vs.length() - 1), csv(r.note())));
            }
        }
    }

    /** A CSV field, quoted when it holds a comma or a quote. */
    private static String csv(String field) {
        return field.contains(",") || field.contains("\"") ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
