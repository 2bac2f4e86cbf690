package io.kqat.codec.zstd.engine;

import io.kqat.codec.BufferLease;
import io.kqat.codec.DirectTarget;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.nativeio.ThreadBuffers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * One record batch: what is written collects in pooled native memory (which libzstd reads where it is) and becomes
 * zstd in {@code out} at close, written straight into the target's buffer when it is a {@link DirectTarget} with room.
 * {@code flush()} writes nothing: the batch is compressed once, whole, as Kafka's own batches are closed once.
 */
final class ZstdBatchOutputStream extends OutputStream implements GzipCodec.BatchStream {
    private static final int FIRST_CAPACITY = 64 << 10;

    private final ZstdCompressor compressor;
    private final OutputStream out;
    private final int level;
    private BufferLease batch;
    /** The lease's buffer, kept at hand: Kafka writes a record's varints a byte at a time. */
    private ByteBuffer buffer;
    private boolean closed;

    ZstdBatchOutputStream(ZstdCompressor compressor, OutputStream out, int level) {
        this.compressor = compressor;
        this.out = out;
        this.level = level;
    }

    @Override
    public void write(int b) throws IOException {
        ByteBuffer buf = buffer;
        if (buf != null && buf.hasRemaining()) {
            buf.put((byte) b);
        } else {
            room(1).put((byte) b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        room(len).put(b, off, len);
    }

    /** The batch's buffer with at least {@code more} bytes of room, grown by doubling (the bytes moved counted). */
    private ByteBuffer room(int more) throws IOException {
        if (closed) {
            throw new IOException("zstd batch stream is closed");
        }
        if (batch == null) {
            batch = compressor.pool().lease(Math.max(FIRST_CAPACITY, more));
            buffer = batch.buffer();
        }
        ByteBuffer b = buffer;
        if (b.remaining() < more) {
            long need = (long) b.position() + more;
            if (need > Integer.MAX_VALUE - 8) {
                throw new IOException("a batch of more than 2 GiB");
            }
            BufferLease larger = compressor.pool().lease((int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, 2L * b.capacity())));
            larger.buffer().put(b.flip());
            compressor.countMoved(b.limit());
            batch.close();
            batch = larger;
            b = larger.buffer();
            buffer = b;
        }
        return b;
    }

    @Override
    public void flush() {
        // Nothing: the batch is compressed whole at close.
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ByteBuffer records = batch == null ? ByteBuffer.allocateDirect(0) : buffer.flip();
            int bound = compressor.bound(records.remaining());
            ByteBuffer room = out instanceof DirectTarget ? ((DirectTarget) out).room(bound) : null;
            if (room != null) {
                ((DirectTarget) out).advance(compressor.compress(records, room, level));
            } else {
                ByteBuffer heap = ThreadBuffers.heap(bound);
                int n = compressor.compress(records, heap, level);
                out.write(heap.array(), heap.arrayOffset(), n);
            }
        } finally {
            release();
        }
    }

    @Override
    public void discard() {
        closed = true;
        release();
    }

    private void release() {
        buffer = null;
        if (batch != null) {
            batch.close();
            batch = null;
        }
    }
}
