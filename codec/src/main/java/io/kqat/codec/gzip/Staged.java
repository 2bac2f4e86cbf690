package io.kqat.codec.gzip;

import io.kqat.codec.BufferLease;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.CopyCounter;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;

/**
 * A buffer as a backend can use it: the caller's own where the backend works on it in place, otherwise a lease of the
 * backend's staging memory holding a copy. The one staging path between callers' memory and every backend's; every
 * copy it makes is reported to the {@link CopyCounter}.
 */
final class Staged implements AutoCloseable {
    private final ByteBuffer buffer;
    private final BufferLease lease;

    private Staged(ByteBuffer buffer, BufferLease lease) {
        this.buffer = buffer;
        this.lease = lease;
    }

    /** {@code src}'s remaining bytes where the backend can read them (position 0 of a copy, or src's own position). */
    static Staged input(ByteBuffer src, StagingMemory memory, CopyCounter copies) {
        if (memory.readsInPlace(src)) {
            return new Staged(src.duplicate(), null);
        }
        int n = src.remaining();
        BufferLease lease = leaseOrDecline(memory, n);
        lease.buffer().put(src.duplicate()).flip();
        copies.copiedIn(n);
        return new Staged(lease.buffer(), lease);
    }

    /** Room for {@code capacity} bytes of output, written where {@code dst}'s position is, or into staging memory. */
    static Staged output(ByteBuffer dst, int capacity, StagingMemory memory) {
        if (memory.writesInPlace(dst)) {
            ByteBuffer view = dst.duplicate();
            view.limit(view.position() + capacity);
            return new Staged(view, null);
        }
        BufferLease lease = leaseOrDecline(memory, capacity);
        lease.buffer().limit(capacity); // a lease may be larger: the backend sees exactly the room asked for
        return new Staged(lease.buffer(), lease);
    }

    private static BufferLease leaseOrDecline(StagingMemory memory, int capacity) {
        BufferLease lease = memory.lease(capacity);
        if (lease == null) {
            throw BackendException.declined("no staging memory for " + capacity + " bytes");
        }
        return lease;
    }

    ByteBuffer buffer() {
        return buffer;
    }

    /**
     * Puts the {@code produced} bytes written from {@code start} of this output into {@code dst} at its position (a copy,
     * counted, unless they were written in place) and advances {@code dst} past them.
     */
    void deliver(ByteBuffer dst, int start, int produced, CopyCounter copies) {
        if (lease != null) {
            ByteBuffer from = buffer.duplicate();
            from.limit(start + produced).position(start);
            dst.put(from);
            copies.copiedOut(produced);
        } else {
            dst.position(dst.position() + produced);
        }
    }

    @Override
    public void close() {
        if (lease != null) {
            lease.close();
        }
    }
}
