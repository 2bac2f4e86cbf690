package io.kqat.codec;

import io.kqat.codec.nativeio.ThreadBuffers;
import io.kqat.codec.spi.BufferLease;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Buffers what is written in batch memory lent by the codec and writes it to the target as gzip members: one member
 * per {@code memberBytes} written, and one for the rest at close (an empty stream still gets one empty member). A
 * Kafka batch is one member written at close; a file is a standard multi-member gzip that every gunzip reads.
 *
 * <p>The bytes go straight into the lent memory: a slot run of the device-mapped region when QAT zero-copy is on, so
 * the device reads them where they were written. {@link #flush()} only flushes the target: a member is written when
 * it is full or at close, to keep the ratio (Kafka expects flush to write nothing). No reference to the target's
 * buffer is kept between writes (Kafka replaces its buffer as it grows).
 */
final class MemberOutputStream extends OutputStream {
    /** First lease size: most Kafka batches fit (their uncompressed gzip batches are mostly 40-110 KiB). */
    static final int INITIAL_CAPACITY = 128 << 10;

    /** Gives a device lease back if the stream is dropped unclosed (an aborted producer batch, say). */
    private static final Cleaner CLEANER = Cleaner.create();

    private final GzipCodec codec;
    private final OutputStream target;
    private final int level;
    private final int memberBytes;
    private BufferLease lease;
    private Cleaner.Cleanable cleanable;
    private ByteBuffer records;
    private boolean wroteMember;
    private boolean closed;

    MemberOutputStream(GzipCodec codec, OutputStream target, int level, int memberBytes) {
        if (memberBytes < 1) {
            throw new IllegalArgumentException("memberBytes must be positive");
        }
        this.codec = codec;
        this.target = target;
        this.level = level;
        this.memberBytes = memberBytes;
    }

    @Override
    public void write(int b) throws IOException {
        room(1).put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            ByteBuffer r = room(len);
            int n = Math.min(len, r.remaining());
            r.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    /**
     * A buffer with room for at least one of the {@code wanted} bytes: the lease is taken on first write, not in the
     * constructor (Kafka builds streams under a partition lock), grown while under {@code memberBytes}, and a full
     * member is written out.
     */
    private ByteBuffer room(int wanted) throws IOException {
        if (closed) {
            throw new IOException("kqat gzip stream already closed");
        }
        if (records == null) {
            lease(Math.min(memberBytes, Math.max(INITIAL_CAPACITY, wanted)));
        } else if (!records.hasRemaining()) {
            if (records.position() >= memberBytes) {
                emit();
            } else {
                grow(wanted);
            }
        }
        return records;
    }

    private void lease(int capacity) {
        lease = codec.acquireBatchBuffer(capacity);
        cleanable = lease.deviceMapped() ? CLEANER.register(this, new Release(lease)) : null;
        records = lease.buffer();
        records.limit(Math.min(records.capacity(), memberBytes));
    }

    private void grow(int wanted) {
        long needed = (long) records.position() + wanted;
        int capacity = (int) Math.min(memberBytes, Math.min(Integer.MAX_VALUE - 64, Math.max(needed, 2L * records.capacity())));
        BufferLease oldLease = lease;
        Cleaner.Cleanable oldCleanable = cleanable;
        ByteBuffer filled = records.flip();
        lease(capacity);
        records.put(filled);
        release(oldLease, oldCleanable);
    }

    private static void release(BufferLease lease, Cleaner.Cleanable cleanable) {
        if (cleanable != null) {
            cleanable.clean(); // closes the lease, once
        } else if (lease != null) {
            lease.close();
        }
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!wroteMember || (records != null && records.position() > 0)) {
                emit();
            }
            target.close();
        } finally {
            release(lease, cleanable);
            lease = null;
            cleanable = null;
            records = null;
        }
    }

    private void emit() throws IOException {
        ByteBuffer src = records == null ? ByteBuffer.allocate(0) : records.flip();
        ByteBuffer member = ThreadBuffers.heap(codec.maxCompressedLength(src.remaining()));
        try {
            codec.compress(src, member, level);
        } catch (KqatException e) {
            throw new IOException("kqat compression failed: " + e.getMessage(), e);
        }
        target.write(member.array(), member.arrayOffset(), member.position());
        wroteMember = true;
        if (records != null) {
            records.clear().limit(Math.min(records.capacity(), memberBytes));
        }
    }

    /** Closes one lease; reachable from the cleaner without keeping the stream itself alive. */
    private static final class Release implements Runnable {
        private final BufferLease lease;

        Release(BufferLease lease) {
            this.lease = lease;
        }

        @Override
        public void run() {
            lease.close();
        }
    }
}
