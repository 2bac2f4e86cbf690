package io.kqat.codec.zstd.engine;

import io.kqat.codec.BufferLease;
import io.kqat.codec.DirectTarget;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.nativeio.ThreadBuffers;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;

/**
 * One record batch: what is written collects in batch memory (a slot run of the QAT region when a QAT rung lends it,
 * which the device reads where it is; pooled native memory, which libzstd reads in place, otherwise) and becomes
 * zstd in {@code out} at close, written straight into the target's buffer when it is a {@link DirectTarget} with room.
 * {@code flush()} writes nothing: the batch is compressed once, whole, as Kafka's own batches are closed once.
 */
final class ZstdBatchOutputStream extends OutputStream implements GzipCodec.BatchStream {
    private static final int FIRST_CAPACITY = 64 << 10;
    /** Gives a device lease back if the stream is dropped unclosed (an aborted producer batch, say). */
    private static final Cleaner CLEANER = Cleaner.create();

    private final ZstdCompressor compressor;
    private final OutputStream out;
    private final int level;
    private BufferLease batch;
    private Cleaner.Cleanable cleanable;
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
            take(compressor.lease(Math.max(FIRST_CAPACITY, more)));
        }
        ByteBuffer b = buffer;
        if (b.remaining() < more) {
            long need = (long) b.position() + more;
            if (need > Integer.MAX_VALUE - 8) {
                throw new IOException("a batch of more than 2 GiB");
            }
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, 2L * b.capacity()));
            if (batch.growInPlace(grown)) { // a device slot run grows where it is: nothing moves
                int at = b.position();
                b = batch.buffer();
                b.position(at);
                buffer = b;
                return b;
            }
            BufferLease larger = compressor.lease(grown);
            larger.buffer().put(b.flip());
            compressor.countMoved(b.limit());
            release();
            take(larger);
            b = buffer;
        }
        return b;
    }

    private void take(BufferLease lease) {
        batch = lease;
        buffer = lease.buffer();
        cleanable = lease.deviceMapped() ? CLEANER.register(this, lease::close) : null;
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
                compressor.countTargetCopied(n);
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
        if (cleanable != null) {
            cleanable.clean(); // closes the lease, once
            cleanable = null;
        } else if (batch != null) {
            batch.close();
        }
        batch = null;
    }
}
