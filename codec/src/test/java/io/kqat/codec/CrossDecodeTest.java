package io.kqat.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.testkit.KafkaLikeEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
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
        members.add(jdkGzip(DATA));
        writers.add("GZIPOutputStream");
        members.add(gzipProgram(DATA, "-6", "-n"));
        writers.add("gzip -6 -n");
        members.add(gzipProgram(DATA, "-1"));
        writers.add("gzip -1 (with FNAME)");
        members.add(withAllHeaderFields(DATA));
        writers.add("hand-made member with FEXTRA, FNAME, FCOMMENT, FHCRC");
        members.add(concat(jdkGzip(slice(0, 1000)), jdkGzip(new byte[0]), jdkGzip(slice(1000, DATA.length))));
        writers.add("three JDK members");

        for (int w = 0; w < members.size(); w++) {
            byte[] gz = members.get(w);
            for (String reader : List.of("libdeflate", "jdk")) {
                try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().backend(reader).build())) {
                    assertThat(codec.decompress(gz)).as("%s read by %s", writers.get(w), reader).isEqualTo(DATA);
                }
            }
            assertThat(RoundTripTest.jdkGunzip(gz)).as("%s read by GZIPInputStream", writers.get(w)).isEqualTo(DATA);
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

    static byte[] jdkGzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    /** A member with every optional header field, header CRC included, as RFC 1952 allows. */
    static byte[] withAllHeaderFields(byte[] data) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0x02 | 0x04 | 0x08 | 0x10, 0, 0, 0, 0, 0, 3});
        byte[] extra = {'k', 'q', 5, 0, 1, 2, 3, 4, 5};
        h.write(extra.length);
        h.write(0);
        h.writeBytes(extra);
        h.writeBytes("batch-0001.json\0".getBytes());
        h.writeBytes("a comment\0".getBytes());
        CRC32 hcrc = new CRC32();
        hcrc.update(h.toByteArray());
        h.write((int) hcrc.getValue() & 0xff);
        h.write((int) (hcrc.getValue() >>> 8) & 0xff);
        Deflater d = new Deflater(6, true);
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[data.length + 1024];
        int n = d.deflate(buf);
        d.end();
        h.write(buf, 0, n);
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLe(h, (int) crc.getValue());
        writeIntLe(h, data.length);
        return h.toByteArray();
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        for (int i = 0; i < 4; i++) {
            out.write((v >>> (8 * i)) & 0xff);
        }
    }

    private static byte[] slice(int from, int to) {
        return java.util.Arrays.copyOfRange(DATA, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
