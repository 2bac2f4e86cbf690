package io.kqat.codec.backend.isal;

import io.kqat.codec.spi.InflateStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.IntSupplier;
import java.util.zip.Deflater;

/**
 * Test helpers: raw deflate made by zlib, and a caller that feeds an {@link InflateStream} through windows the way a
 * real one does. Each call copies the next input window into the same reused direct buffer (so bytes the stream left
 * unused reappear at another address, as after a compaction), and takes output through a window of another reused
 * buffer.
 */
final class Windows {
    private static final ThreadLocal<ByteBuffer> SRC = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 22));
    private static final ThreadLocal<ByteBuffer> DST = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(1 << 22));

    private Windows() {
    }

    /** Where a drive stopped: the output, how far the input was used, and whether the stream said it ended. */
    record Outcome(byte[] output, int inputUsed, boolean finished, int calls) {
    }

    static IntSupplier fixed(int size) {
        return () -> size;
    }

    static Outcome drive(InflateStream stream, byte[] input, IntSupplier inWindow, IntSupplier outWindow) {
        return drive(stream, input, 0, inWindow, outWindow);
    }

    /** Inflates from {@code input[from..]} until the stream ends, or the input is used up with output room left. */
    static Outcome drive(InflateStream stream, byte[] input, int from, IntSupplier inWindow, IntSupplier outWindow) {
        ByteBuffer src = SRC.get();
        ByteBuffer dst = DST.get();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int pos = from;
        for (int calls = 1; ; calls++) {
            int in = Math.min(Math.min(inWindow.getAsInt(), src.capacity()), input.length - pos);
            int room = Math.min(outWindow.getAsInt(), dst.capacity());
            src.clear().put(input, pos, in).flip();
            dst.clear().limit(room);
            boolean finished = stream.inflate(src, dst);
            pos += src.position();
            byte[] piece = new byte[dst.flip().remaining()];
            dst.get(piece);
            output.writeBytes(piece);
            if (finished || pos == input.length && piece.length < room) {
                return new Outcome(output.toByteArray(), pos - from, finished, calls);
            }
            if (calls > 100_000_000) {
                throw new AssertionError("no end after " + calls + " calls");
            }
        }
    }

    static byte[] deflate(byte[] data, int level) {
        return deflate(data, level, Deflater.DEFAULT_STRATEGY, false);
    }

    /** zlib's raw deflate; {@code flushes} adds sync and full flushes (empty stored blocks) along the way. */
    static byte[] deflate(byte[] data, int level, int strategy, boolean flushes) {
        Deflater deflater = new Deflater(level, true);
        deflater.setStrategy(strategy);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int step = flushes ? Math.max(1, data.length / 7) : Math.max(1, data.length);
        try {
            for (int off = 0; off < data.length || off == 0; off += step) {
                deflater.setInput(data, off, Math.min(step, data.length - off));
                if (flushes) {
                    int mode = off / step % 2 == 0 ? Deflater.SYNC_FLUSH : Deflater.FULL_FLUSH;
                    int n;
                    do {
                        n = deflater.deflate(buf, 0, buf.length, mode);
                        out.write(buf, 0, n);
                    } while (n == buf.length || !deflater.needsInput());
                } else {
                    while (!deflater.needsInput()) {
                        out.write(buf, 0, deflater.deflate(buf));
                    }
                }
                if (data.length == 0) {
                    break;
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            byte[] deflated = out.toByteArray();
            if (!Arrays.equals(Zlib.inflate(deflated).output(), data)) {
                throw new AssertionError("test fixture: zlib does not inflate its own deflate back");
            }
            return deflated;
        } finally {
            deflater.end();
        }
    }

    static byte[] random(long seed, int size) {
        byte[] b = new byte[size];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    static byte[] prefix(byte[] b, int n) {
        return Arrays.copyOf(b, n);
    }
}
