package io.kqat.tools.gzip;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.samples.KafkaLikeEvents;
import io.kqat.tools.Kqat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kqat decompress}: what gzip writes, a clear error on bad input, a bound on the output. */
class DecompressCommandTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatGzipWritesFileToFile() throws Exception {
        byte[] data = new KafkaLikeEvents(6).fill(1 << 20);
        Path gz = gzipped(data);
        Path back = dir.resolve("back");
        Kqat.run("decompress", "--input", gz.toString(), "--output", back.toString()).exits(0);
        assertThat(Files.readAllBytes(back)).isEqualTo(data);
        assertThat(Kqat.run(Files.readAllBytes(gz), "decompress").exits(0).stdoutBytes()).isEqualTo(data);
    }

    @Test
    void readsBackWhatCompressWroteOnSeveralThreads() {
        byte[] data = new KafkaLikeEvents(7).fill(2 << 20);
        byte[] gz = Kqat.run(data, "compress", "--threads", "2", "--chunk", "100000").exits(0).stdoutBytes();
        assertThat(Kqat.run(gz, "decompress").exits(0).stdoutBytes()).isEqualTo(data);
    }

    @Test
    void corruptInputFailsWithAClearMessageAndLeavesTheOutputFileAlone() throws Exception {
        byte[] junk = "this is not gzip at all".getBytes(StandardCharsets.UTF_8);
        assertThat(Kqat.run(junk, "decompress").exits(1).stderr()).contains("kqat decompress: error:");
        Path input = dir.resolve("junk.gz");
        Files.write(input, junk);
        Path output = dir.resolve("keep");
        Files.writeString(output, "what was there");
        Kqat.run("decompress", "--input", input.toString(), "--output", output.toString()).exits(1);
        assertThat(Files.readString(output)).isEqualTo("what was there");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("junk.gz", "keep");
        }
    }

    @Test
    void maxOutputRefusesMoreWithExitCode1() throws Exception {
        byte[] data = new KafkaLikeEvents(3).fill(1 << 20);
        Path gz = gzipped(data);
        Path out = dir.resolve("out");
        Kqat refused = Kqat.run("decompress", "--input", gz.toString(), "--output", out.toString(),
                "--max-output", "100k").exits(1);
        assertThat(refused.stderr()).contains("kqat decompress: error: ").contains("exceeds the limit of 102400 bytes");
        assertThat(out).as("no partial output").doesNotExist();
        assertThat(Kqat.run(Files.readAllBytes(gz), "decompress", "--max-output", "100k").exits(1).stdoutBytes().length)
                .as("bytes written to stdout before refusing").isLessThanOrEqualTo(100 << 10);

        Kqat.run("decompress", "--input", gz.toString(), "--output", out.toString(),
                "--max-output", Integer.toString(data.length)).exits(0);
        assertThat(Files.readAllBytes(out)).isEqualTo(data);
    }

    @Test
    void maxOutputCountsEveryMember() {
        byte[] data = new KafkaLikeEvents(4).fill(1 << 20);
        byte[] gz = Kqat.run(data, "compress", "--chunk", "64k").exits(0).stdoutBytes();
        assertThat(Kqat.run(gz, "decompress", "--max-output", "1000k").exits(1).stderr())
                .contains("exceeds the limit of 1024000 bytes");
        assertThat(Kqat.run(gz, "decompress", "--max-output", "1M").exits(0).stdoutBytes()).isEqualTo(data);
    }

    private Path gzipped(byte[] data) throws Exception {
        Path plain = dir.resolve("plain");
        Files.write(plain, data);
        Path gz = dir.resolve("plain.gz");
        Files.write(gz, Kqat.gzip("-c9", plain));
        Files.delete(plain);
        return gz;
    }
}
