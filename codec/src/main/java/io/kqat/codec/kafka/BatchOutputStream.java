package io.kqat.codec.kafka;

import io.kqat.codec.GzipCodec;
import io.kqat.codec.buffer.BufferLease;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Collects one Kafka record batch and writes it as a single gzip member when Kafka closes the stream.
 *
 * <p>Records go straight into a batch buffer lent by the codec: a slot of the device-mapped region when QAT zero-copy
 * is on, so the device reads them where Kafka wrote them. Kafka judges batch fullness from uncompressed bytes, so
 * compressing once at close changes no batching decision. {@link #flush()} writes nothing, as Kafka expects, and no
 * reference to Kafka's buffer is kept beyond the write in {@link #close()} (Kafka may replace it as it grows).
 */
final class BatchOutputStream extends OutputStream {
    /** First lease size: most batches fit (Kafka's uncompressed gzip batches are mostly 40-110 KiB). */
    static final int INITIAL_CAPACITY = 128 << 10;

    /** Gives a batch's slots back if Kafka drops the stream without closing it (an aborted producer, say). */
    private static final Cleaner CLEANER = Cleaner.create();

    private final GzipCodec codec;
    private final OutputStream target;
    private final int level;
    private final LeaseHolder holder = new LeaseHolder();
    private Cleaner.Cleanable cleanable;
    private BufferLease lease;
    private ByteBuffer records;
    private boolean closed;

    BatchOutputStream(GzipCodec codec, OutputStream target, int level) {
        this.codec = codec;
        this.target = target;
        this.level = level;
    }

    @Override
    public void write(int b) throws IOException {
        ensureRoom(1).put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureRoom(len).put(b, off, len);
    }

    /** The lease is taken on first write, not in the constructor: Kafka builds streams under a partition lock. */
    private ByteBuffer ensureRoom(int len) throws IOException {
        if (closed) {
            throw new IOException("kqat batch stream already closed");
        }
        if (records == null) {
            lease = codec.acquireBatchBuffer(Math.max(INITIAL_CAPACITY, len));
            holder.lease = lease;
            cleanable = CLEANER.register(this, holder);
            records = lease.buffer();
        } else if (records.remaining() < len) {
            grow(len);
        }
        return records;
    }

    private void grow(int len) {
        long needed = (long) records.position() + len;
        if (needed > Integer.MAX_VALUE - 64) {
            throw new IllegalStateException("kqat batch over 2 GiB");
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 64, Math.max(needed, 2L * records.capacity()));
        BufferLease bigger = codec.acquireBatchBuffer(capacity);
        ByteBuffer next = bigger.buffer();
        next.put(records.flip());
        lease.close();
        lease = bigger;
        holder.lease = bigger;
        records = next;
    }

    @Override
    public void flush() {
        // Deliberately nothing: the batch is compressed whole at close.
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ByteBuffer src = records == null ? ByteBuffer.allocate(0) : records.flip();
            ByteBuffer member = CompressedScratch.forThread(codec.maxCompressedLength(src.remaining()));
            codec.compress(src, member, level);
            member.flip();
            target.write(member.array(), member.arrayOffset() + member.position(), member.remaining());
            target.close();
        } finally {
            if (cleanable != null) {
                cleanable.clean(); // returns the lease, once
                lease = null;
                records = null;
            }
        }
    }

    /** The current lease, reachable from the cleaner without keeping the stream itself alive. */
    private static final class LeaseHolder implements Runnable {
        volatile BufferLease lease;

        @Override
        public void run() {
            BufferLease l = lease;
            lease = null;
            if (l != null) {
                l.close();
            }
        }
    }
}
