package io.kqat.codec.zstd.engine;

import io.kqat.codec.BufferLease;
import io.kqat.codec.CorruptZstdException;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.spi.CopyCounter;
import io.kqat.codec.zstd.spi.ZstdDecodeStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The records of one zstd batch, decoded through a fixed native output window: memory is the batch (staged once into
 * native memory when it is on the heap, counted), the window and the decoder's own frame window, never what the batch
 * inflates to. The first window is decoded when the stream is opened, so a batch that does not start as valid zstd is
 * refused there ({@link CorruptZstdException}) and its caller can leave it to its own decoder; later faults are
 * IOExceptions, as from Kafka's own stream.
 *
 * <p>Each window is copied in one go into a heap chunk (counted) that reads are served from: Kafka reads a record's
 * varints a byte at a time, and a heap array serves those far cheaper than a native buffer would.
 */
final class ZstdBatchInputStream extends InputStream {
    static final int WINDOW = 128 << 10;
    private static final int MAGIC = 0xFD2FB528;
    private static final int SKIPPABLE = 0x184D2A50;
    private static final int SKIPPABLE_MASK = 0xFFFFFFF0;

    private final ZstdDecodeStream decoder;
    private final CopyCounter copies;
    private final long maxOutput;
    private BufferLease staged;
    private BufferLease windowLease;
    private ByteBuffer input;
    private ByteBuffer window;
    private final ZstdCompressor compressor;
    private byte[] chunk = new byte[0];
    private int pos;
    private int limit;
    private boolean complete = true;
    private long produced;
    private boolean closed;

    /** @param src the batch from its position to its limit (not moved: the caller moves it once this succeeds) */
    ZstdBatchInputStream(ZstdCompressor compressor, ZstdDecodeStream decoder, CopyCounter copies, ByteBuffer src,
                         long maxOutput) {
        this.compressor = compressor;
        this.decoder = decoder;
        this.copies = copies;
        this.maxOutput = maxOutput;
        try {
            checkMagic(src);
            if (src.isDirect()) {
                input = src.duplicate();
            } else {
                staged = compressor.leaseOrDecline(src.remaining(), "copy of a heap batch");
                input = staged.buffer().put(src.duplicate()).flip();
                copies.copiedIn(input.remaining());
            }
            windowLease = compressor.leaseOrDecline(WINDOW, "decoding window");
            window = windowLease.buffer().flip();
            fill();
        } catch (IOException e) {
            close();
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                    : new CorruptZstdException(e.getMessage());
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private static void checkMagic(ByteBuffer src) {
        if (src.remaining() < 4) {
            throw new CorruptZstdException("a zstd batch of " + src.remaining() + " bytes");
        }
        int magic = src.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(src.position());
        if (magic != MAGIC && (magic & SKIPPABLE_MASK) != SKIPPABLE) {
            throw new CorruptZstdException(String.format("not zstd: magic 0x%08X", magic));
        }
    }

    /** Decodes into the chunk until it holds something or the batch ends; false at the end of the batch. */
    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (closed) {
            return false;
        }
        while (true) {
            if (!input.hasRemaining() && complete) {
                return false;
            }
            int before = input.position();
            window.clear();
            try {
                complete = decoder.decode(input, window);
            } catch (CorruptZstdException e) {
                throw new IOException(e.getMessage(), e);
            } finally {
                window.flip();
            }
            int n = window.remaining();
            produced += n;
            if (produced > maxOutput) {
                throw new IOException(new OutputLimitExceededException(maxOutput));
            }
            if (n > 0) {
                if (chunk.length < n) {
                    chunk = new byte[n == WINDOW ? WINDOW : Math.max(n, Math.min(WINDOW, 2 * chunk.length))];
                }
                window.get(chunk, 0, n);
                copies.copiedOut(n);
                compressor.countReaderCopied(n);
                pos = 0;
                limit = n;
                return true;
            }
            if (input.position() == before) {
                throw new IOException(new CorruptZstdException(input.hasRemaining()
                        ? "zstd decoding made no progress" : "the zstd batch is truncated inside a frame"));
            }
        }
    }

    @Override
    public int read() throws IOException {
        if (pos < limit) {
            return chunk[pos++] & 0xFF;
        }
        return fill() ? chunk[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && fill()) {
            int step = (int) Math.min(n - skipped, limit - pos);
            pos += step;
            skipped += step;
        }
        return skipped;
    }

    @Override
    public int available() {
        return limit - pos;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pos = 0;
        limit = 0;
        decoder.close();
        if (windowLease != null) {
            windowLease.close();
        }
        if (staged != null) {
            staged.close();
        }
    }
}
