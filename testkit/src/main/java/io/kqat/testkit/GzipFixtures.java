package io.kqat.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip made and read without kqat, to check kqat against: members written and streams read by the JDK, a member with
 * every optional header field (RFC 1952), members of zeros, and byte arrays joined into multi-member streams.
 */
public final class GzipFixtures {
    private GzipFixtures() {
    }

    /** The parts one after the other (members into a stream, a stream and its padding). */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** One member of {@code data}, written by {@link GZIPOutputStream}. */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One {@link GZIPOutputStream} member per part, in one stream (an empty part is an empty member). */
    public static byte[] gzipMembers(byte[]... parts) {
        byte[][] members = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            members[i] = gzip(parts[i]);
        }
        return concat(members);
    }

    /** Everything {@link GZIPInputStream} reads from {@code gz}, every member. */
    public static byte[] gunzip(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("GZIPInputStream cannot read it: " + e.getMessage(), e);
        }
    }

    /** One member of {@code size} zero bytes at level 9 (about 1/1000 of the size): a decompression bomb. */
    public static byte[] zerosMember(long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new LevelGzipStream(out, Deflater.BEST_COMPRESSION)) {
            byte[] zeros = new byte[1 << 20];
            for (long n = 0; n < size; n += zeros.length) {
                gz.write(zeros, 0, (int) Math.min(zeros.length, size - n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A header with FEXTRA (one 6-byte subfield), FNAME, FCOMMENT and FHCRC, as gzip's own tools may write them. */
    public static byte[] headerWithAllFields() {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0x02 | 0x04 | 0x08 | 0x10, 1, 2, 3, 4, 0, 3});
        byte[] extra = {'k', 'q', 2, 0, 'a', 't'};
        h.write(extra.length);
        h.write(0);
        h.writeBytes(extra);
        h.writeBytes("batch-0001.json\0".getBytes(StandardCharsets.ISO_8859_1));
        h.writeBytes("a comment\0".getBytes(StandardCharsets.ISO_8859_1));
        CRC32 crc = new CRC32();
        crc.update(h.toByteArray());
        h.write((int) crc.getValue() & 0xff);
        h.write((int) (crc.getValue() >>> 8) & 0xff);
        return h.toByteArray();
    }

    /** A whole member of {@code data} behind {@link #headerWithAllFields()}: raw deflate at level 6, CRC32, ISIZE. */
    public static byte[] memberWithAllHeaderFields(byte[] data) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(headerWithAllFields());
        Deflater d = new Deflater(6, true);
        try {
            d.setInput(data);
            d.finish();
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                m.write(buf, 0, d.deflate(buf));
            }
        } finally {
            d.end();
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLe(m, (int) crc.getValue());
        writeIntLe(m, data.length);
        return m.toByteArray();
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        for (int i = 0; i < 4; i++) {
            out.write((v >>> (8 * i)) & 0xff);
        }
    }

    /** GZIPOutputStream at a chosen level. */
    private static final class LevelGzipStream extends GZIPOutputStream {
        LevelGzipStream(OutputStream out, int level) throws IOException {
            super(out, 1 << 16);
            def.setLevel(level);
        }
    }
}
