package io.kqat.codec.engine;

import io.kqat.codec.gzip.GzipFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.function.IntFunction;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort of a batch stream at close, once every rung has failed: writes the retained bytes as one standard
 * member straight into the target, in small pieces, so it needs almost no memory of its own and no kqat code that just
 * failed. Through the JDK's deflater; when even that cannot start (zlib could not allocate its state), as stored
 * deflate blocks, which need no compressor at all: the batch is then as large as its records, but every record is in
 * it and every reader reads it. Only the target itself failing is left to the caller, as it would be for stock gzip.
 */
final class LastResortWriter {
    private static final Logger LOG = LoggerFactory.getLogger(LastResortWriter.class);
    private static final int PIECE = 8 << 10;
    /** The largest stored block deflate allows. */
    private static final int STORED_BLOCK = 65_535;

    /** The JDK's raw deflater at a level. */
    static final IntFunction<Deflater> JDK_DEFLATER = level -> new Deflater(level, true);

    private final IntFunction<Deflater> deflaters;

    /** @param deflaters makes the deflater of one batch (the JDK's; another in tests where it must fail) */
    LastResortWriter(IntFunction<Deflater> deflaters) {
        this.deflaters = deflaters;
    }

    /**
     * Writes {@code records} as one member into {@code target}.
     *
     * @return the member's size: bytes written into the target
     * @throws IOException when the target fails, or the deflater fails after part of the member was written
     */
    long write(ByteBuffer records, OutputStream given, int level) throws IOException {
        CountingOutputStream target = new CountingOutputStream(given);
        Deflater deflater;
        try {
            deflater = deflaters.apply(level);
        } catch (RuntimeException | Error e) {
            LOG.error("kqat: no deflater for a {}-byte batch ({}); it is written as stored deflate blocks, "
                    + "uncompressed", records.remaining(), e.toString());
            try {
                stored(records, target, level);
            } catch (RuntimeException | Error e2) {
                e2.addSuppressed(e);
                throw new IOException("kqat could not write a " + records.remaining() + "-byte batch", e2);
            }
            return target.count;
        }
        try {
            deflated(records, target, level, deflater);
            return target.count;
        } catch (RuntimeException | Error e) {
            throw new IOException("kqat could not compress a " + records.remaining() + "-byte batch", e);
        } finally {
            deflater.end();
        }
    }

    /** One member of stored blocks (RFC 1951 section 3.2.4): a 5-byte block header before every 65535 bytes. */
    static void stored(ByteBuffer records, OutputStream target, int level) throws IOException {
        byte[] piece = new byte[PIECE];
        ByteBuffer header = ByteBuffer.wrap(piece, 0, GzipFormat.HEADER_SIZE);
        GzipFormat.writeHeader(header, level);
        target.write(piece, 0, GzipFormat.HEADER_SIZE);
        ByteBuffer rest = records.duplicate();
        do {
            int n = Math.min(STORED_BLOCK, rest.remaining());
            boolean last = n == rest.remaining();
            piece[0] = (byte) (last ? 1 : 0); // BFINAL, BTYPE 00
            piece[1] = (byte) n;
            piece[2] = (byte) (n >>> 8);
            piece[3] = (byte) ~n;
            piece[4] = (byte) (~n >>> 8);
            target.write(piece, 0, 5);
            for (int left = n; left > 0; ) {
                int k = Math.min(left, piece.length);
                rest.get(piece, 0, k);
                target.write(piece, 0, k);
                left -= k;
            }
        } while (rest.hasRemaining());
        CRC32 crc = new CRC32();
        crc.update(records.duplicate());
        trailer(target, crc.getValue(), records.remaining());
    }

    private static void deflated(ByteBuffer records, OutputStream target, int level, Deflater deflater)
            throws IOException {
        byte[] piece = new byte[PIECE];
        ByteBuffer header = ByteBuffer.wrap(piece, 0, GzipFormat.HEADER_SIZE);
        GzipFormat.writeHeader(header, level);
        target.write(piece, 0, GzipFormat.HEADER_SIZE);
        CRC32 crc = new CRC32();
        crc.update(records.duplicate());
        deflater.setInput(records.duplicate());
        deflater.finish();
        while (!deflater.finished()) {
            int n = deflater.deflate(piece);
            target.write(piece, 0, n);
        }
        trailer(target, crc.getValue(), records.remaining());
    }

    private static void trailer(OutputStream target, long crc, int length) throws IOException {
        byte[] t = new byte[GzipFormat.TRAILER_SIZE];
        GzipFormat.writeTrailer(ByteBuffer.wrap(t), crc, length);
        target.write(t);
    }

    /** Counts what passes into the target (not closed or flushed here). */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
