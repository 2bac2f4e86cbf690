package io.kqat.bench.ceiling;

import io.kqat.local.KafkaRuntimes;
import io.kqat.local.e2e.DatasetRecords;
import io.kqat.local.e2e.PublicDataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 *     [--input FILE] [--sizes 16384,65536] [--seconds 1] [--repeats 3]</pre>
 *
 * Without {@code --input} the members are cut from the public dataset's records, one per line.
 */
public final class CeilingCompare {
    /** C library name to kqat backend name. */
    private static final Map<String, String> BACKENDS = Map.of("zlib", "jdk", "libdeflate", "libdeflate", "isal", "isal");

    private CeilingCompare() {
    }

    public static void main(String[] args) throws Exception {
        Path input = null;
        String sizes = "16384,65536";
        double seconds = 1;
        int repeats = 3;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--input": input = Paths.get(value); break;
                case "--sizes": sizes = value; break;
                case "--seconds": seconds = Double.parseDouble(value); break;
                case "--repeats": repeats = Integer.parseInt(value); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--input FILE, --sizes N,N, --seconds S, --repeats R)");
            }
        }
        Path file = input != null ? input : datasetAsLines();
        byte[] data = Files.readAllBytes(file);
        System.out.printf(Locale.ROOT, "input %s (%d bytes); each row: C and Java alternately %d times, >= %.1f CPU-s "
                + "each, medians; MB per CPU-second of the measuring thread%n%n", file, data.length, repeats, seconds);
        System.out.println("| op | library (kqat backend) | level | member | C MB/CPU-s | Java MB/CPU-s | Java / C | ratio C | ratio Java |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String size : sizes.split(",")) {
            int memberBytes = Integer.parseInt(size.trim());
            CodecLoop java = new CodecLoop(data, memberBytes, seconds, 1);
            for (String[] row : ROWS) {
                double[] c = new double[repeats];
                double[] j = new double[repeats];
                String[] cRow = null;
                double[] javaFigure = null;
                for (int r = 0; r < repeats; r++) {
                    cRow = runC(file, memberBytes, seconds, row);
                    c[r] = Double.parseDouble(cRow[4]);
                    javaFigure = javaFigure(java, row);
                    j[r] = javaFigure == null ? Double.NaN : javaFigure[0];
                }
                printRow(cRow, median(c), javaFigure == null ? null : new double[] {median(j), javaFigure[1]});
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

    private static double[] javaFigure(CodecLoop java, String[] row) {
        String backend = BACKENDS.get(row[0]);
        if (row[1].equals("compress")) {
            return java.compress(backend, Integer.parseInt(row[2]));
        }
        return java.inflate(backend);
    }

    private static void printRow(String[] c, double cRate, double[] java) {
        String lib = c[0] + " (" + BACKENDS.get(c[0]) + ")";
        if (java == null) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.0f | — | — | %s | — |%n", c[1], lib, c[2],
                    size(c[3]), cRate, c[5]);
        } else {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.0f | %.0f | %.0f%% | %s | %.3f |%n", c[1], lib, c[2],
                    size(c[3]), cRate, java[0], 100 * java[0] / cRate, c[5], java[1]);
        }
        System.out.flush();
    }

    private static String size(String bytes) {
        return (Integer.parseInt(bytes) >> 10) + " KiB";
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

    /** The public dataset's records, one per line, written once next to the dataset. */
    static Path datasetAsLines() {
        Path json = PublicDataset.file();
        Path lines = json.resolveSibling("cities.jsonl");
        if (Files.isRegularFile(lines)) {
            return lines;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] record : DatasetRecords.read(json)) {
            out.write(record, 0, record.length);
            out.write('\n');
        }
        try {
            Path tmp = Files.createTempFile(lines.getParent(), "cities", ".tmp");
            Files.write(tmp, out.toByteArray());
            Files.move(tmp, lines, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
