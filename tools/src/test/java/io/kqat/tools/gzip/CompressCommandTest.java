package io.kqat.tools.gzip;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.samples.KafkaLikeEvents;
import io.kqat.tools.Kqat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kqat compress}: what gzip reads, the same bytes on any number of threads. */
class CompressCommandTest {
    @TempDir
    Path dir;

    @Test
    void outputIsReadByGzipAndTheJdk() throws Exception {
        byte[] data = new KafkaLikeEvents(5).fill(3 << 20);
        byte[] gz = Kqat.run(data, "compress", "--level", "1").exits(0).stdoutBytes();
        assertThat(gunzip(gz)).isEqualTo(data);
        Path file = dir.resolve("data.gz");
        Files.write(file, gz);
        assertThat(Kqat.gzip("-dc", file)).isEqualTo(data);
    }

    @Test
    void anyNumberOfThreadsWritesTheBytesOfOneThread() throws Exception {
        byte[] data = new KafkaLikeEvents(8).fill((5 << 20) + 4321);
        Path plain = dir.resolve("plain");
        Files.write(plain, data);
        byte[] one = compressFile(plain, "1");
        assertThat(one.length).as("a few hundred KiB of members").isGreaterThan(100_000);
        for (String threads : new String[] {"2", "3", "8"}) {
            assertThat(compressFile(plain, threads)).as("--threads %s", threads).isEqualTo(one);
        }
        Path gz = dir.resolve("two.gz");
        Files.write(gz, compressFile(plain, "2"));
        assertThat(Kqat.gzip("-dc", gz)).isEqualTo(data);
    }

    @Test
    void theDefaultIsEveryCoreAndStillTheSameBytes() throws Exception {
        byte[] data = new KafkaLikeEvents(4).fill(3 << 20);
        byte[] byDefault = Kqat.run(data, "compress", "--chunk", "256k").exits(0).stdoutBytes();
        assertThat(Kqat.run(data, "compress", "--chunk", "256k", "--threads", "1").exits(0).stdoutBytes())
                .isEqualTo(byDefault);
    }

    @Test
    void anEmptyInputIsOneEmptyMember() throws Exception {
        byte[] gz = Kqat.run(new byte[0], "compress").exits(0).stdoutBytes();
        Path file = dir.resolve("empty.gz");
        Files.write(file, gz);
        assertThat(Kqat.gzip("-dc", file)).isEmpty();
    }

    @Test
    void statsNameTheBackendThatDidTheWork() {
        Kqat run = Kqat.run(new KafkaLikeEvents(2).fill(300_000), "compress", "--mode", "jdk", "--stats").exits(0);
        assertThat(run.stderr()).contains("kqat compress: jdk (").contains("1 member(s), 300000 -> ");
    }

    @Test
    void anInputThatIsNotThereIsAnErrorNamingIt() {
        Kqat run = Kqat.run("compress", "--input", dir.resolve("missing").toString()).exits(1);
        assertThat(run.stderr()).contains("kqat compress: error: no such file: ").contains("missing");
    }

    private byte[] compressFile(Path plain, String threads) throws Exception {
        Path gz = dir.resolve("out-" + threads + ".gz");
        Kqat.run("compress", "--input", plain.toString(), "--output", gz.toString(), "--chunk", "256k",
                "--threads", threads).exits(0);
        return Files.readAllBytes(gz);
    }
}
