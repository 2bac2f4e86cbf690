package io.kqat.codec.engine;

import io.kqat.codec.BufferLease;
import io.kqat.codec.DirectTarget;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.nativeio.ThreadBuffers;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers what is written in batch memory lent by the codec and writes it to the target as gzip members: one member
 * per {@code memberBytes} written, and one for the rest at close (an empty stream still gets one empty member). A
 * Kafka batch is one member written at close; a file is a standard multi-member gzip that every gunzip reads.
 *
 * <p>The bytes go straight into the lent memory: a slot run of the device-mapped region when QAT zero-copy is on, so
 * the device reads them where they were written, native memory otherwise, so no backend has to stage them.
 * {@link #flush()} only flushes the target: a member is written when it is full or at close (Kafka expects flush to
 * write nothing). Once bytes are written here, close either writes a valid member holding all of them (through the
 * JDK's deflater if everything else failed) or fails with an {@link IOException}, as a stock gzip stream would.
 */
final class MemberOutputStream extends OutputStream implements GzipCodec.BatchStream {
    private static final Logger LOG = LoggerFactory.getLogger(MemberOutputStream.class);
    /** First lease size: most Kafka batches fit (their uncompressed gzip batches are mostly 40-110 KiB). */
    static final int INITIAL_CAPACITY = 128 << 10;

    /** Gives a device lease back if the stream is dropped unclosed (an aborted producer batch, say). */
    private static final Cleaner CLEANER = Cleaner.create();

    private final BatchCompressor compressor;
    private final OutputStream target;
    private final int level;
    private final int memberBytes;
    private BufferLease lease;
    private Cleaner.Cleanable cleanable;
    private ByteBuffer records;
    private boolean wroteMember;
    private boolean closed;

    MemberOutputStream(BatchCompressor compressor, OutputStream target, int level, int memberBytes) {
        if (memberBytes < 1) {
            throw new IllegalArgumentException("memberBytes must be positive");
        }
        this.compressor = compressor;
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

    /** Takes new memory for the records; when that throws, the stream's memory and records are as they were. */
    private void lease(int capacity) {
        BufferLease l = compressor.leaseOrFallback(capacity);
        Cleaner.Cleanable c;
        try {
            c = l.deviceMapped() ? CLEANER.register(this, new Release(l)) : null;
        } catch (RuntimeException | Error e) {
            l.close();
            throw e;
        }
        lease = l;
        cleanable = c;
        records = l.buffer();
        records.limit(Math.min(records.capacity(), memberBytes));
    }

    private void grow(int wanted) {
        long needed = (long) records.position() + wanted;
        int capacity = (int) Math.min(memberBytes, Math.min(Integer.MAX_VALUE - 64, Math.max(needed, 2L * records.capacity())));
        int written = records.position();
        if (lease.growInPlace(capacity)) { // slots of the device region: the batch stays where the device reads it
            records = lease.buffer();
            records.limit(Math.min(records.capacity(), memberBytes)).position(written);
            return;
        }
        BufferLease oldLease = lease;
        Cleaner.Cleanable oldCleanable = cleanable;
        ByteBuffer filled = records;
        lease(capacity); // first: if no memory is left, the records stay where they are, position untouched
        records.put(filled.flip());
        compressor.counters().addBatchBytesMoved(filled.limit());
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
            releaseMemory();
        }
    }

    /** Ends the stream without writing anything (an aborted batch): its memory goes back, nothing is compressed. */
    @Override
    public void discard() {
        closed = true;
        releaseMemory();
    }

    private void releaseMemory() {
        release(lease, cleanable);
        lease = null;
        cleanable = null;
        records = null;
    }

    /** Writes what is buffered as one member and empties the buffer. */
    private void emit() throws IOException {
        ByteBuffer src = records == null ? ByteBuffer.allocate(0) : records.flip();
        try {
            writeMember(src);
        } catch (IOException e) {
            throw e; // the target's own failure, as stock gzip would see it
        } catch (RuntimeException | Error e) {
            LOG.warn("kqat: compressing a {}-byte batch failed ({}); writing it through the JDK's deflater", src.remaining(),
                    e.toString(), e);
            try {
                compressor.counters().addTargetBytesCopied(compressor.lastResort().write(src, target, level));
                compressor.counters().addLastResort();
            } catch (IOException e2) {
                e2.addSuppressed(e);
                throw e2;
            }
        }
        wroteMember = true;
        if (records != null) {
            records.clear().limit(Math.min(records.capacity(), memberBytes));
        }
    }

    /**
     * Compresses into the target's own buffer when it has room, through a scratch buffer otherwise; the room a member
     * may take is worked out once, here.
     */
    private void writeMember(ByteBuffer src) throws IOException {
        int bound = compressor.memberBound(src.remaining());
        ByteBuffer room = target instanceof DirectTarget ? ((DirectTarget) target).room(bound) : null;
        if (room != null) {
            int n = compressor.compress(src.duplicate(), room, level);
            ((DirectTarget) target).advance(n);
            return;
        }
        ByteBuffer member = ThreadBuffers.heap(bound);
        compressor.compress(src.duplicate(), member, level);
        target.write(member.array(), member.arrayOffset(), member.position());
        compressor.counters().addTargetBytesCopied(member.position());
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
