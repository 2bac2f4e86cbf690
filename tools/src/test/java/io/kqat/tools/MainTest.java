package io.kqat.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.testkit.KafkaLikeEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kqat command as a user runs it: exit codes, output, and gzip interoperability with the `gzip` program. The
 * plain doctor runs first: once the emulator's libraries are loaded into this JVM, the dynamic linker would answer
 * qatlib's sonames with them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(byte[] stdin, String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new ByteArrayInputStream(stdin), new PrintStream(out, true), new PrintStream(err, true));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void doctorNamesTheChosenBackendAndEveryRung() {
        assertThat(run(new byte[0], "doctor")).as(err.toString()).isZero();
        assertThat(stdout()).contains("compresses with").contains("jdk").contains("self test  ok");
        assertThat(stdout()).as("no qatlib on this machine, and the emulator was not asked for")
                .containsPattern("qat\\s+skipped\\s+qatlib not found");
    }

    @Test
    void doctorWithTheEmulatorReportsZeroCopyAndItsCopies() {
        assertThat(run(new byte[0], "doctor", "--emulator")).as(err.toString()).isZero();
        assertThat(stdout()).contains("compresses with qat").containsPattern("qat-pinned\\s+ready")
                .contains("qat: zero-copy");
    }

    @Test
    @Order(1)
    void doctorJsonIsMachineReadable() {
        assertThat(run(new byte[0], "doctor", "--json")).isZero();
        assertThat(stdout().trim()).startsWith("{").endsWith("}").contains("\"chosen\": ").contains("\"ladder\": [");
    }

    @Test
    void compressedOutputIsReadByGzipAndTheJdk() throws Exception {
        byte[] data = new KafkaLikeEvents(5).fill(3 << 20);
        assertThat(run(data, "compress", "--level", "1")).as(err.toString()).isZero();
        byte[] gz = out.toByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        Path file = dir.resolve("data.gz");
        Files.write(file, gz);
        assertThat(gzip("-dc", file)).isEqualTo(data);
    }

    @Test
    void decompressReadsWhatGzipWritesFileToFile() throws Exception {
        byte[] data = new KafkaLikeEvents(6).fill(1 << 20);
        Path plain = dir.resolve("plain");
        Files.write(plain, data);
        Path gz = dir.resolve("plain.gz");
        Files.write(gz, gzip("-c9", plain));
        Path back = dir.resolve("back");
        assertThat(run(new byte[0], "decompress", "--input", gz.toString(), "--output", back.toString()))
                .as(err.toString()).isZero();
        assertThat(Files.readAllBytes(back)).isEqualTo(data);
    }

    @Test
    void corruptInputFailsWithAClearMessageAndExitCode1() {
        assertThat(run("this is not gzip at all".getBytes(StandardCharsets.UTF_8), "decompress")).isEqualTo(1);
        assertThat(err.toString()).contains("kqat decompress: error:");
    }

    @Test
    void usageErrorsExitWith2AndShowHelp() {
        assertThat(run(new byte[0], "compress", "--levle", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option --levle").contains("usage: kqat compress");
        assertThat(run(new byte[0], "frobnicate")).isEqualTo(2);
        assertThat(run(new byte[0], "compress", "--level", "11")).isEqualTo(2);
    }

    @Test
    void benchPrintsATableAndWritesCsvAndPng() throws IOException {
        Path csv = dir.resolve("bench.csv");
        Path png = dir.resolve("bench.png");
        int exit = run(new byte[0], "bench", "--size", "262144", "--levels", "1,6", "--seconds", "0.05",
                "--backends", "jdk", "--csv", csv.toString(), "--png", png.toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(stdout()).contains("backend").contains("ratio").containsPattern("jdk\\s+1\\s+\\d+\\.\\d MB/s");
        assertThat(Files.readAllLines(csv)).hasSize(3).first().asString().startsWith("backend,level");
        byte[] header = Files.readAllBytes(png);
        assertThat(header).startsWith(0x89, 'P', 'N', 'G');
    }

    private static byte[] gzip(String flags, Path file) throws Exception {
        Process p = new ProcessBuilder("gzip", flags, file.toString()).start();
        byte[] result = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("gzip %s %s (install it: scripts/setup-debian.sh)", flags, file).isZero();
        return result;
    }
}
