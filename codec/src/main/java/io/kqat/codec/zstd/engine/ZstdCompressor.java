package io.kqat.codec.zstd.engine;

import io.kqat.codec.BufferLease;
import io.kqat.codec.nativeio.BufferPool;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.BatchMemory;
import io.kqat.codec.spi.CopyCounter;
import io.kqat.codec.spi.StagingMemory;
import io.kqat.codec.zstd.ladder.ZstdLadder;
import io.kqat.codec.zstd.ladder.ZstdRung;
import io.kqat.codec.zstd.spi.ZstdBackend;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;

/**
 * Compression for the zstd codec and its streams: the request goes up the ladder with any buffer the rung cannot read
 * or write in place staged in pooled native memory, or in the rung's own memory (a QAT device's mapped region), each
 * copy counted on the rung; when every rung fails, the batch is written as stored blocks ({@link StoredFrames}),
 * counted. Batches are written into the device's memory when a rung lends it, so the device reads them in place.
 */
final class ZstdCompressor {
    private final ZstdLadder ladder;
    private final BufferPool pool;
    private final BatchMemory batchMemory;
    private final LongAdder lastResort = new LongAdder();
    private final LongAdder moved = new LongAdder();
    private final LongAdder targetCopied = new LongAdder();
    private final LongAdder readerCopied = new LongAdder();
    /** As gzip's decoders: at the bound, wait this long for memory others give back before declining. */
    private static final long WAIT_AT_BOUND_NANOS = 200_000_000L;

    ZstdCompressor(ZstdLadder ladder, BufferPool pool) {
        this.ladder = ladder;
        this.pool = pool;
        BatchMemory device = ladder.deviceBatchMemory();
        this.batchMemory = device != null ? device : this::pooledOrHeap;
    }

    BufferPool pool() {
        return pool;
    }

    /** Pooled native memory for a batch, or the heap when the native memory bound has no room (staged later). */
    private BufferLease pooledOrHeap(int capacity) {
        BufferLease lease = pool.tryLease(capacity);
        return lease != null ? lease : BufferLease.of(ByteBuffer.allocate(capacity));
    }

    /** Memory for a batch's input or decoding window, waiting a little at the native memory bound, else declined. */
    BufferLease leaseOrDecline(int capacity, String what) {
        BufferLease lease = pool.lease(capacity, WAIT_AT_BOUND_NANOS);
        if (lease == null) {
            throw BackendException.declined("no native memory left under native.memory.bytes for a " + capacity
                    + "-byte " + what);
        }
        return lease;
    }

    void countTargetCopied(long bytes) {
        targetCopied.add(bytes);
    }

    void countReaderCopied(long bytes) {
        readerCopied.add(bytes);
    }

    long targetBytesCopied() {
        return targetCopied.sum();
    }

    long readerBytesCopied() {
        return readerCopied.sum();
    }

    /** Memory for one batch: a slot run of the device's region when a rung lends it, pooled native memory otherwise. */
    BufferLease lease(int minCapacity) {
        return batchMemory.acquire(minCapacity);
    }

    /** The most any rung (or the last resort) writes for {@code n} bytes. */
    int bound(int n) {
        int bound = StoredFrames.bound(n);
        for (ZstdRung r : ladder.rungs()) {
            if (r.ready()) {
                bound = Math.max(bound, r.backend().frameBound(n));
            }
        }
        return bound;
    }

    /** Compresses src's remaining bytes into dst (with at least {@link #bound} remaining); positions advance. */
    int compress(ByteBuffer src, ByteBuffer dst, int level) {
        int n = src.remaining();
        int produced;
        try {
            produced = ladder.compress(level, n, (backend, copies) -> onRung(backend, copies, src, dst, level), p -> p);
        } catch (BackendException e) {
            lastResort.increment();
            return StoredFrames.write(src, dst);
        }
        src.position(src.limit());
        dst.position(dst.position() + produced);
        return produced;
    }

    /** One attempt; the caller's buffers are left as they were (only dst's bytes beyond its position are written). */
    private int onRung(ZstdBackend backend, CopyCounter copies, ByteBuffer src, ByteBuffer dst, int level) {
        int n = src.remaining();
        int bound = backend.frameBound(n);
        StagingMemory inMemory = backend.inputMemory();
        StagingMemory outMemory = backend.outputMemory();
        boolean inPlace = inMemory == null ? src.isDirect() : inMemory.readsInPlace(src);
        boolean outInPlace = dst.remaining() >= bound
                && (outMemory == null ? dst.isDirect() : outMemory.writesInPlace(dst));
        BufferLease in = null;
        BufferLease out = null;
        try {
            in = inPlace ? null : lease(inMemory, n, "input");
            out = outInPlace ? null : lease(outMemory, bound, "output");
            ByteBuffer input = src.duplicate();
            if (in != null) {
                input = in.buffer().put(input).flip();
                copies.copiedIn(n);
            }
            ByteBuffer output = out == null ? dst.duplicate() : out.buffer();
            int produced = backend.compress(input, output, level);
            if (out != null) {
                if (produced > dst.remaining()) {
                    throw BackendException.declined(produced + " bytes do not fit the destination's " + dst.remaining());
                }
                dst.duplicate().put(output.flip());
                copies.copiedOut(produced);
            }
            return produced;
        } finally {
            if (out != null) {
                out.close();
            }
            if (in != null) {
                in.close();
            }
        }
    }

    /** Staging memory from the rung's own memory, or the pool when any direct memory will do. */
    private BufferLease lease(StagingMemory memory, int capacity, String what) {
        if (memory == null) {
            return leaseOrDecline(capacity, what);
        }
        BufferLease lease = memory.lease(capacity);
        if (lease == null) {
            throw BackendException.declined("no device memory free to stage a " + capacity + "-byte " + what);
        }
        return lease;
    }

    void countMoved(long bytes) {
        moved.add(bytes);
    }

    long lastResortBatches() {
        return lastResort.sum();
    }

    long batchBytesMoved() {
        return moved.sum();
    }
}
