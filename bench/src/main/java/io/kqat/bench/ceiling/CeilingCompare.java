package io.kqat.bench.ceiling;

import io.kqat.local.KafkaRuntimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One command for "each software backend reaches 95% of its library's own speed": runs the C harness
 * ({@code bench/target/native/kqat-ceiling}) and kqat's Java codec on the same members of the same file, row by row,
 * alternating C and Java runs (so a load drift hits both) and taking each side's median, and prints them side by side.
 *
 * <pre>java -cp bench/target/kqat-benchmarks.jar io.kqat.bench.ceiling.CeilingCompare
 *     [--input FILE | --dataset geonames|apidocs] [--bytes N] [--sizes 16384,65536] [--ops compress,inflate]
 *     [--paths whole,stream,batch] [--libraries zlib,libdeflate,isal] [--seconds 1] [--repeats 3]</pre>
 *
 * Without {@code --input} the members are cut from the public dataset's records, one per line, or from generated
 * documentation records ({@link CeilingData}). Inflate rows are measured once per decode path, each alternating with
 * its own C runs; Java / C is the ratio of the medians, "per run" the spread of the ratio of each C run and the Java
 * run after it.
 */
public final class CeilingCompare {
    /** C library name to kqat backend name. */
    private static final Map<String, String> BACKENDS = Map.of("zlib", "jdk", "libdeflate", "libdeflate", "isal", "isal");

    private CeilingCompare() {
    }

    public static void main(String[] args) throws Exception {
        Path input = null;
        String dataset = "geonames";
        String sizes = "16384,65536";
        String ops = "compress,inflate";
        String paths = "whole";
        String libraries = "zlib,libdeflate,isal";
        long bytes = Long.MAX_VALUE;
        double seconds = 1;
        int repeats = 3;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--input": input = Paths.get(value); break;
                case "--dataset": dataset = value; break;
                case "--sizes": sizes = value; break;
                case "--ops": ops = value; break;
                case "--paths": paths = value; break;
                case "--libraries": libraries = value; break;
                case "--bytes": bytes = Long.parseLong(value); break;
                case "--seconds": seconds = Double.parseDouble(value); break;
                case "--repeats": repeats = Integer.parseInt(value); break;
                default: throw new IllegalArgumentException("unknown option " + args[i] + " (--input FILE, --dataset "
                        + "geonames|apidocs, --sizes N,N, --ops compress,inflate, --paths whole,stream,batch, "
                        + "--libraries zlib,libdeflate,isal, "
                        + "--bytes N, --seconds S, --repeats R)");
            }
        }
        Path file = CeilingData.file(input, dataset, bytes);
        byte[] data = Files.readAllBytes(file);
        List<CodecLoop.DecodePath> decodePaths = new ArrayList<>();
        for (String p : paths.split(",")) {
            decodePaths.add(CodecLoop.DecodePath.named(p));
        }
        System.out.printf(Locale.ROOT, "input %s (%d bytes); each row: C and Java alternately %d times, >= %.1f CPU-s "
                + "each, medians and [min-max] of Java / C per run; MB per CPU-second of the measuring thread; C "
                + "inflate rows include the gzip CRC32 (isal: crc32_gzip_refl; libdeflate: its gzip decoder's)%n%n",
                file, data.length, repeats, seconds);
        System.out.println("| op | library (kqat backend) | level | member | path | C MB/CPU-s | Java MB/CPU-s | Java / C "
                + "| per run | ratio C | ratio Java |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (String size : sizes.split(",")) {
            int memberBytes = Integer.parseInt(size.trim());
            CodecLoop java = new CodecLoop(data, memberBytes, seconds, 1);
            for (String[] row : ROWS) {
                if (!ops.contains(row[1]) || !libraries.contains(row[0])) {
                    continue;
                }
                List<CodecLoop.DecodePath> rowPaths = row[1].equals("inflate") ? decodePaths : List.of();
                for (CodecLoop.DecodePath path : rowPaths.isEmpty() ? Arrays.asList((CodecLoop.DecodePath) null) : rowPaths) {
                    double[] c = new double[repeats];
                    double[] j = new double[repeats];
                    String[] cRow = null;
                    double[] javaFigure = null;
                    for (int r = 0; r < repeats; r++) {
                        cRow = runC(file, memberBytes, seconds, row);
                        c[r] = Double.parseDouble(cRow[4]);
                        javaFigure = javaFigure(java, row, path);
                        j[r] = javaFigure == null ? Double.NaN : javaFigure[0];
                    }
                    printRow(cRow, path, c, javaFigure == null ? null : j, javaFigure == null ? 0 : javaFigure[1]);
                }
            }
        }
    }

    /** The rows of the C harness: library, op, level. */
    private static final String[][] ROWS = {
        {"zlib", "compress", "1"}, {"zlib", "compress", "6"}, {"libdeflate", "compress", "1"},
        {"libdeflate", "compress", "6"}, {"isal", "compress", "1"}, {"isal", "compress", "2"},
        {"zlib", "inflate", "6"}, {"libdeflate", "inflate", "6"}, {"isal", "inflate", "6"}};

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double[] javaFigure(CodecLoop java, String[] row, CodecLoop.DecodePath path) {
        String backend = BACKENDS.get(row[0]);
        if (row[1].equals("compress")) {
            return java.compress(backend, Integer.parseInt(row[2]));
        }
        return java.inflate(backend, path);
    }

    /** One row: each side's median, their ratio, and the spread of the ratio of runs made one after the other. */
    private static void printRow(String[] c, CodecLoop.DecodePath path, double[] cRates, double[] javaRates,
                                 double javaRatio) {
        String lib = c[0] + " (" + BACKENDS.get(c[0]) + ")";
        String where = path == null ? "—" : path.name().toLowerCase(Locale.ROOT);
        double cRate = median(cRates);
        if (javaRates == null) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.0f | — | — | — | %s | — |%n", c[1], lib, c[2],
                    size(c[3]), where, cRate, c[5]);
        } else {
            double min = Double.MAX_VALUE;
            double max = 0;
            for (int r = 0; r < cRates.length; r++) {
                min = Math.min(min, javaRates[r] / cRates[r]);
                max = Math.max(max, javaRates[r] / cRates[r]);
            }
            double javaRate = median(javaRates);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.0f | %.0f | %.2f | %.2f-%.2f | %s | %.3f |%n",
                    c[1], lib, c[2], size(c[3]), where, cRate, javaRate, javaRate / cRate, min, max, c[5], javaRatio);
        }
        System.out.flush();
    }

    private static String size(String bytes) {
        int n = Integer.parseInt(bytes);
        return n >= 1 << 20 && n % (1 << 20) == 0 ? (n >> 20) + " MiB" : (n >> 10) + " KiB";
    }

    /** One run of one row of the C harness: library, op, level, member, MB/s, ratio. */
    private static String[] runC(Path file, int memberBytes, double seconds, String[] row)
            throws IOException, InterruptedException {
        Path exe = KafkaRuntimes.locate().home().resolve("bench/target/native/kqat-ceiling");
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException(exe + " is missing: build the bench module (mvn -B -ntp package -DskipTests)");
        }
        Process p = new ProcessBuilder(exe.toString(), file.toString(), Integer.toString(memberBytes),
                Double.toString(seconds), "1", row[0], row[1], row[2]).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("kqat-ceiling failed: " + out);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank() && !line.startsWith("library")) {
                rows.add(line.split("\t"));
            }
        }
        if (rows.size() != 1) {
            throw new IllegalStateException("kqat-ceiling gave " + rows.size() + " rows for " + String.join(" ", row));
        }
        return rows.get(0);
    }
}
