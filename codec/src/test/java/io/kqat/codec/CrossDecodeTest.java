package io.kqat.codec;

import static io.kqat.testkit.GzipFixtures.concat;
import static io.kqat.testkit.GzipFixtures.gunzip;
import static io.kqat.testkit.GzipFixtures.gzip;
import static io.kqat.testkit.GzipFixtures.memberWithAllHeaderFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.samples.KafkaLikeEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every producer of gzip against every consumer: each software backend, the JDK's GZIPOutputStream (one and several
 * members, optional header fields) and the `gzip` program write; each backend that inflates, the JDK and `gzip -d`
 * read.
 */
class CrossDecodeTest {
    private static final byte[] DATA = new KafkaLikeEvents(99).fill(300_000);

    @TempDir
    Path dir;

    @Test
    void everyWriterIsReadByEveryReader() throws Exception {
        List<byte[]> members = new ArrayList<>();
        List<String> writers = new ArrayList<>();
        for (String backend : SoftwareBackends.NAMES) {
            int level = backend.equals("isal") ? 1 : 9;
            try (GzipCodec codec = SoftwareBackends.pinned(backend, level)) {
                members.add(codec.compress(DATA));
                writers.add(backend);
            }
        }
        members.add(gzip(DATA));
        writers.add("GZIPOutputStream");
        members.add(gzipProgram(DATA, "-6", "-n"));
        writers.add("gzip -6 -n");
        members.add(gzipProgram(DATA, "-1"));
        writers.add("gzip -1 (with FNAME)");
        members.add(memberWithAllHeaderFields(DATA));
        writers.add("hand-made member with FEXTRA, FNAME, FCOMMENT, FHCRC");
        members.add(concat(gzip(slice(0, 1000)), gzip(new byte[0]), gzip(slice(1000, DATA.length))));
        writers.add("three JDK members");

        for (int w = 0; w < members.size(); w++) {
            byte[] gz = members.get(w);
            for (String reader : List.of("libdeflate", "jdk")) {
                try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().backend(reader).build())) {
                    assertThat(codec.decompress(gz)).as("%s read by %s", writers.get(w), reader).isEqualTo(DATA);
                }
            }
            assertThat(gunzip(gz)).as("%s read by GZIPInputStream", writers.get(w)).isEqualTo(DATA);
            Path f = dir.resolve("m" + w + ".gz");
            Files.write(f, gz);
            assertThat(run("gzip", "-dc", f.toString())).as("%s read by gzip -d", writers.get(w)).isEqualTo(DATA);
        }
    }

    private byte[] gzipProgram(byte[] data, String... flags) throws Exception {
        Path f = dir.resolve("plain-" + flags[0]);
        Files.write(f, data);
        List<String> cmd = new ArrayList<>(List.of("gzip", "-c"));
        cmd.addAll(List.of(flags));
        cmd.add(f.toString());
        return run(cmd.toArray(String[]::new));
    }

    static byte[] run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new AssertionError("'" + command[0] + "' is needed by this test: run scripts/setup-debian.sh", e);
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
        return out;
    }

    private static byte[] slice(int from, int to) {
        return java.util.Arrays.copyOfRange(DATA, from, to);
    }

}
