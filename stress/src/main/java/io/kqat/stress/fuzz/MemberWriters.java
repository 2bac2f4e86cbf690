package io.kqat.stress.fuzz;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.gzip.GzipFormat;
import io.kqat.testkit.GzipFixtures;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Valid gzip from several writers: each kqat backend that compresses (forced, at a level it serves), the JDK's
 * {@link GZIPOutputStream}, the {@code gzip} tool, and hand-made members with every optional header field (FEXTRA,
 * FNAME, FCOMMENT, FHCRC), odd MTIME/XFL/OS bytes, stored blocks, every deflate strategy and sync-flush points.
 */
final class MemberWriters {
    private final List<GzipCodec> kqat;
    private final GzipCliPool cli;

    MemberWriters(List<GzipCodec> compressingCodecs, GzipCliPool cli) {
        this.kqat = compressingCodecs;
        this.cli = cli;
    }

    /** One to four members end to end. */
    Layout next(SplittableRandom r) {
        Layout layout = new Layout();
        int count = r.nextInt(5) == 0 ? 2 + r.nextInt(3) : 1;
        for (int i = 0; i < count; i++) {
            byte[] payload = Payloads.next(r);
            if (count > 1 && payload.length > (64 << 10)) {
                payload = java.util.Arrays.copyOf(payload, 64 << 10);
            }
            member(r, payload, layout);
        }
        return layout;
    }

    private void member(SplittableRandom r, byte[] payload, Layout layout) {
        int which = r.nextInt(kqat.size() + 3);
        if (which < kqat.size()) {
            GzipCodec codec = kqat.get(which);
            int level = levelFor(codec, r);
            ByteBuffer out = ByteBuffer.allocate(codec.maxCompressedLength(payload.length));
            codec.compress(ByteBuffer.wrap(payload), out, level);
            byte[] m = java.util.Arrays.copyOf(out.array(), out.position());
            layout.add("kqat-" + codec.config().backend() + "-" + level, m, headerLength(m));
        } else if (which == kqat.size()) {
            byte[] m = GzipFixtures.gzip(payload);
            layout.add("GZIPOutputStream", m, headerLength(m));
        } else if (which == kqat.size() + 1) {
            byte[] m = cli.draw(r);
            layout.add("gzip-cli", m, headerLength(m));
        } else {
            handMade(r, payload, layout);
        }
    }

    private static int levelFor(GzipCodec codec, SplittableRandom r) {
        BackendStatus s = codec.backend(codec.config().backend());
        for (int tries = 0; tries < 20; tries++) {
            int level = 1 + r.nextInt(9);
            if (s.compresses(level)) {
                return level;
            }
        }
        return 1;
    }

    private static int headerLength(byte[] member) {
        ByteBuffer b = ByteBuffer.wrap(member);
        GzipFormat.skipHeader(b);
        return b.position();
    }

    /** A member built field by field: a random subset of the optional fields, then a raw deflate body. */
    static void handMade(SplittableRandom r, byte[] payload, Layout layout) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        int flags = r.nextInt(16) << 1; // FHCRC, FEXTRA, FNAME, FCOMMENT in any combination (FTEXT left to the mutator)
        h.write(0x1f);
        h.write(0x8b);
        h.write(8);
        h.write(flags);
        for (int i = 0; i < 4; i++) {
            h.write(r.nextInt(256)); // MTIME
        }
        h.write(r.nextInt(256)); // XFL
        h.write(r.nextInt(256)); // OS
        if ((flags & 0x04) != 0) {
            int xlen = r.nextInt(8) == 0 ? 0 : r.nextInt(300);
            h.write(xlen & 0xff);
            h.write(xlen >>> 8);
            for (int i = 0; i < xlen; i++) {
                h.write(r.nextInt(256));
            }
        }
        if ((flags & 0x08) != 0) {
            zeroTerminated(h, r, "payload-" + r.nextInt(1000) + ".json");
        }
        if ((flags & 0x10) != 0) {
            zeroTerminated(h, r, "written by kqat's fuzzer, comment of " + r.nextInt(200) + " chars");
        }
        if ((flags & 0x02) != 0) {
            CRC32 crc = new CRC32();
            byte[] soFar = h.toByteArray();
            crc.update(soFar);
            h.write((int) crc.getValue() & 0xff);
            h.write((int) (crc.getValue() >>> 8) & 0xff);
        }
        int headerLength = h.size();
        byte[] body = deflate(r, payload);
        h.write(body, 0, body.length);
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer trailer = ByteBuffer.allocate(8);
        GzipFormat.writeTrailer(trailer, crc.getValue(), payload.length);
        h.write(trailer.array(), 0, 8);
        layout.add("hand-made-flags-" + Integer.toHexString(flags), h.toByteArray(), headerLength);
    }

    private static void zeroTerminated(ByteArrayOutputStream h, SplittableRandom r, String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        int n = r.nextInt(4) == 0 ? 0 : b.length;
        h.write(b, 0, n);
        h.write(0);
    }

    /** Raw deflate at any level (0: stored blocks), any strategy, sometimes with sync-flush points (empty stored blocks). */
    private static byte[] deflate(SplittableRandom r, byte[] payload) {
        Deflater d = new Deflater(r.nextInt(10), true);
        d.setStrategy(new int[] {Deflater.DEFAULT_STRATEGY, Deflater.FILTERED, Deflater.HUFFMAN_ONLY}[r.nextInt(3)]);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 2 + 64);
        byte[] buf = new byte[64 << 10];
        try {
            int pos = 0;
            boolean flushes = r.nextInt(4) == 0;
            while (pos < payload.length) {
                int n = flushes ? Math.min(payload.length - pos, 1 + r.nextInt(4096)) : payload.length - pos;
                d.setInput(payload, pos, n);
                pos += n;
                int mode = flushes ? Deflater.SYNC_FLUSH : Deflater.NO_FLUSH;
                int k;
                while ((k = d.deflate(buf, 0, buf.length, mode)) > 0) {
                    out.write(buf, 0, k);
                }
            }
            d.finish();
            while (!d.finished()) {
                int k = d.deflate(buf);
                out.write(buf, 0, k);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** Codecs forced to each backend that compresses, for the writers. */
    static List<GzipCodec> compressing(List<GzipCodec> codecs) {
        List<GzipCodec> out = new ArrayList<>();
        for (GzipCodec c : codecs) {
            BackendStatus s = c.backend(c.config().backend());
            for (int level = 1; level <= 9; level++) {
                if (s.compresses(level)) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }
}
