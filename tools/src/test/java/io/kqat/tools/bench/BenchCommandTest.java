package io.kqat.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.samples.KafkaLikeEvents;
import io.kqat.tools.Kqat;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kqat bench}: the table, the CSV files and the chart, on generated data and on a file. */
class BenchCommandTest {
    private static final String CSV_HEADER = "backend,level,input_bytes,compressed_bytes,ratio,compress_mb_per_s,"
            + "decompress_mb_per_s,mode,compress_input_copied_bytes,compress_input_bytes";

    @TempDir
    Path dir;

    @Test
    void generatedDataGivesATableACsvAndARealPng() throws Exception {
        Path csv = dir.resolve("bench.csv");
        Path png = dir.resolve("bench.png");
        Kqat bench = Kqat.run("bench", "--size", "256k", "--levels", "1,6", "--seconds", "0.05", "--backends", "jdk",
                "--csv", csv.toString(), "--png", png.toString()).exits(0);
        assertThat(bench.stdout()).contains("backend").contains("ratio").containsPattern("jdk\\s+1\\s+\\d+\\.\\d MB/s")
                .doesNotContain("whole file");
        assertThat(bench.stderr()).as("no progress bar when stderr is not a terminal").isEmpty();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3).first().isEqualTo(CSV_HEADER);
        for (String row : lines.subList(1, 3)) {
            String[] f = row.split(",", -1);
            assertThat(f).hasSize(10);
            assertThat(f[0]).isEqualTo("jdk");
            assertThat(Long.parseLong(f[2])).isEqualTo(256 << 10);
            assertThat(Double.parseDouble(f[4])).isGreaterThan(2);
            assertThat(Double.parseDouble(f[5])).isPositive();
            assertThat(Double.parseDouble(f[6])).isPositive();
        }
        assertThat(BenchCommand.fileCsv(csv)).as("only with --input").doesNotExist();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG ImageIO reads").isNotNull();
        assertThat(image.getWidth()).isGreaterThan(500);
        assertThat(image.getHeight()).isGreaterThan(300);
        assertThat(colours(image)).as("more than a blank canvas").isGreaterThan(10);
    }

    @Test
    void aFileAlsoGetsWholeFileFiguresBesideTheCTools() throws Exception {
        Path input = dir.resolve("events.json");
        Files.write(input, new KafkaLikeEvents(12).fill(3 << 20));
        Path csv = dir.resolve("file-bench.csv");
        Path png = dir.resolve("file-bench.png");
        Kqat bench = Kqat.run("bench", "--input", input.toString(), "--size", "512k", "--levels", "1",
                "--seconds", "0.02", "--backends", "jdk", "--threads", "2", "--csv", csv.toString(),
                "--png", png.toString()).exits(0);
        assertThat(bench.stdout()).contains("whole file: " + input)
                .containsPattern("compress\\s+1\\s+-\\s+kqat compress --threads 2 \\(\\S+\\)\\s+\\d")
                .containsPattern("compress\\s+1\\s+-\\s+kqat compress --threads 1 \\(\\S+\\)\\s+\\d")
                .containsPattern("decompress\\s+1\\s+kqat -1 \\(3 members\\)\\s+kqat decompress \\(\\S+\\)\\s+\\d")
                .containsPattern("compress\\s+1\\s+-\\s+gzip -1\\s+\\d.*x")
                .containsPattern("decompress\\s+1\\s+gzip-1.gz \\(1 member\\)\\s+gzip -d\\s+\\d")
                .doesNotContain("output differs").doesNotContain("moved ");
        Path fileCsv = dir.resolve("file-bench-file.csv");
        List<String> rows = Files.readAllLines(fileCsv);
        assertThat(rows.get(0)).isEqualTo("direction,level,input,tool,plain_bytes,gzip_bytes,seconds,mb_per_s,ratio,"
                + "kqat_vs_tool,note");
        assertThat(rows).anySatisfy(r -> assertThat(r).matches("compress,1,,kqat compress --threads 2 \\(\\S+\\),3145728,.*"));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertThat(f).as(row).hasSize(11);
            assertThat(Long.parseLong(f[4])).isEqualTo(3 << 20);
            assertThat(Double.parseDouble(f[7])).as(row).isPositive();
            assertThat(Double.parseDouble(f[8])).as(row).isGreaterThan(2);
        }
        assertThat(ImageIO.read(png.toFile())).isNotNull();
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.startsWith("kqat-bench")
                    && !n.equals("kqat-bench"));
        }
    }

    private static int colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
