package io.kqat.codec.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/**
 * The last resort of a batch stream: writes the retained bytes as one standard member through the JDK's deflater,
 * straight into the target, in small pieces, so it needs almost no memory of its own and no kqat code that just
 * failed. Used when everything else failed at close, so that a batch Kafka wrote into kqat is never lost.
 */
final class JdkMemberWriter {
    private static final int PIECE = 8 << 10;

    private JdkMemberWriter() {
    }

    static void write(ByteBuffer records, OutputStream target, int level) throws IOException {
        byte[] piece = new byte[PIECE];
        GZIPOutputStream gzip = new GZIPOutputStream(new NonClosing(target), PIECE) {
            {
                def.setLevel(level);
            }
        };
        ByteBuffer src = records.duplicate();
        while (src.hasRemaining()) {
            int n = Math.min(piece.length, src.remaining());
            src.get(piece, 0, n);
            gzip.write(piece, 0, n);
        }
        gzip.finish();
        gzip.close(); // ends the deflater; the target stays open
    }

    /** Keeps the target open: the batch stream closes it itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
