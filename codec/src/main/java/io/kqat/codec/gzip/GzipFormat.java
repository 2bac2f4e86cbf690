package io.kqat.codec.gzip;

import io.kqat.codec.CorruptGzipException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * The RFC 1952 member framing, written once for every backend: header, trailer (CRC32, ISIZE) and header parsing
 * with all optional fields (FEXTRA, FNAME, FCOMMENT, FHCRC).
 */
public final class GzipFormat {
    public static final int HEADER_SIZE = 10;
    public static final int TRAILER_SIZE = 8;
    public static final int FRAMING_SIZE = HEADER_SIZE + TRAILER_SIZE;

    private static final int ID1 = 0x1f;
    private static final int ID2 = 0x8b;
    private static final int CM_DEFLATE = 8;
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int RESERVED = 0xe0;
    /** OS byte 255 ("unknown"): kqat runs wherever the JVM does. */
    private static final int OS_UNKNOWN = 0xff;

    private GzipFormat() {
    }

    /** Writes the fixed 10-byte header (no optional fields, MTIME 0) at dst's position. */
    public static void writeHeader(ByteBuffer dst, int level) {
        int xfl = level >= 9 ? 2 : level <= 1 ? 4 : 0; // RFC 1952: 2 = maximum compression, 4 = fastest
        dst.put((byte) ID1).put((byte) ID2).put((byte) CM_DEFLATE).put((byte) 0)
                .putInt(0).put((byte) xfl).put((byte) OS_UNKNOWN);
    }

    /** Writes CRC32 and ISIZE, little endian, at dst's position. */
    public static void writeTrailer(ByteBuffer dst, long crc32, long uncompressedLength) {
        ByteOrder order = dst.order();
        dst.order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc32).putInt((int) uncompressedLength).order(order);
    }

    /**
     * Parses one member header at src's position and advances past it.
     *
     * @throws CorruptGzipException on bad magic, an unknown method, reserved flags, a truncated header or a bad FHCRC
     */
    public static void skipHeader(ByteBuffer src) {
        int start = src.position();
        need(src, HEADER_SIZE, "header");
        int id1 = src.get() & 0xff;
        int id2 = src.get() & 0xff;
        if (id1 != ID1 || id2 != ID2) {
            throw new CorruptGzipException(String.format("not gzip: bad magic 0x%02x%02x at offset %d", id1, id2, start));
        }
        int method = src.get() & 0xff;
        if (method != CM_DEFLATE) {
            throw new CorruptGzipException("unsupported gzip compression method " + method + " (only 8, deflate, exists)");
        }
        int flags = src.get() & 0xff;
        if ((flags & RESERVED) != 0) {
            throw new CorruptGzipException(String.format("gzip header has reserved flag bits set (0x%02x)", flags));
        }
        src.position(src.position() + 6); // MTIME, XFL, OS
        if ((flags & FEXTRA) != 0) {
            need(src, 2, "FEXTRA length");
            int xlen = (src.get() & 0xff) | (src.get() & 0xff) << 8;
            need(src, xlen, "FEXTRA field");
            src.position(src.position() + xlen);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated(src, "FNAME");
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated(src, "FCOMMENT");
        }
        if ((flags & FHCRC) != 0) {
            int end = src.position();
            need(src, 2, "FHCRC");
            int stored = (src.get() & 0xff) | (src.get() & 0xff) << 8;
            CRC32 crc = new CRC32();
            crc.update(src.duplicate().position(start).limit(end));
            if (stored != ((int) crc.getValue() & 0xffff)) {
                throw new CorruptGzipException("gzip header checksum (FHCRC) mismatch");
            }
        }
    }

    /**
     * Reads and checks a member trailer at src's position against what was inflated.
     *
     * @throws CorruptGzipException on truncation, CRC mismatch or length mismatch
     */
    public static void checkTrailer(ByteBuffer src, long actualCrc, long actualLength) {
        need(src, TRAILER_SIZE, "trailer");
        ByteOrder order = src.order();
        src.order(ByteOrder.LITTLE_ENDIAN);
        long crc = src.getInt() & 0xffffffffL;
        long isize = src.getInt() & 0xffffffffL;
        src.order(order);
        if (crc != actualCrc) {
            throw new CorruptGzipException(String.format("gzip CRC32 mismatch: trailer says %08x, data has %08x", crc, actualCrc));
        }
        if (isize != (actualLength & 0xffffffffL)) {
            throw new CorruptGzipException("gzip length mismatch: trailer says " + isize + ", data has " + actualLength);
        }
    }

    /** The ISIZE of the last member (bytes mod 2^32) read from the last 4 bytes; a sizing hint only, never trusted. */
    public static long lastMemberSizeHint(ByteBuffer src) {
        if (src.remaining() < FRAMING_SIZE) {
            return 0;
        }
        int p = src.limit() - 4;
        return (src.get(p) & 0xffL) | (src.get(p + 1) & 0xffL) << 8 | (src.get(p + 2) & 0xffL) << 16 | (src.get(p + 3) & 0xffL) << 24;
    }

    public static long crc32(ByteBuffer data) {
        CRC32 crc = new CRC32();
        crc.update(data.duplicate());
        return crc.getValue();
    }

    private static void skipZeroTerminated(ByteBuffer src, String field) {
        while (src.hasRemaining()) {
            if (src.get() == 0) {
                return;
            }
        }
        throw new CorruptGzipException("truncated gzip " + field + ": no terminating zero byte");
    }

    private static void need(ByteBuffer src, int n, String what) {
        if (src.remaining() < n) {
            throw new CorruptGzipException("truncated gzip " + what + ": need " + n + " bytes, " + src.remaining() + " left");
        }
    }
}
