package io.kqat.codec.engine;

import io.kqat.codec.BufferLease;
import io.kqat.codec.gzip.GzipMembers;
import io.kqat.codec.ladder.BackendLadder;
import io.kqat.codec.ladder.Rung;
import io.kqat.codec.spi.BatchMemory;
import java.nio.ByteBuffer;

/**
 * What a compressing stream needs from the engine, and nothing more: batch memory, the room a member may take, and one
 * request on the ladder. Streams own their work through it instead of calling back into the facade.
 */
final class BatchCompressor {
    private final BackendLadder ladder;
    private final BatchMemory memory;
    private final BatchMemory fallback;
    private final EngineCounters counters;
    private final LastResortWriter lastResort;

    BatchCompressor(BackendLadder ladder, BatchMemory memory, EngineCounters counters) {
        this(ladder, memory, BatchMemory.HEAP, counters);
    }

    BatchCompressor(BackendLadder ladder, BatchMemory memory, BatchMemory fallback, EngineCounters counters) {
        this(ladder, memory, fallback, counters, new LastResortWriter(LastResortWriter.JDK_DEFLATER));
    }

    /**
     * @param fallback   where a batch goes when {@code memory} has none left (the heap)
     * @param lastResort what writes a batch at close when every rung failed
     */
    BatchCompressor(BackendLadder ladder, BatchMemory memory, BatchMemory fallback, EngineCounters counters,
                    LastResortWriter lastResort) {
        this.ladder = ladder;
        this.memory = memory;
        this.fallback = fallback;
        this.counters = counters;
        this.lastResort = lastResort;
    }

    /** Memory for one batch or chunk: device-mapped slots when QAT zero-copy is on, plain memory otherwise. */
    BufferLease lease(int minCapacity) {
        return memory.acquire(minCapacity);
    }

    /**
     * Memory for a batch's records: {@link #lease} when it has some, the fallback memory (the heap) when it has none.
     * What the fallback throws (the heap is exhausted too) reaches the caller.
     */
    BufferLease leaseOrFallback(int minCapacity) {
        try {
            return memory.acquire(minCapacity);
        } catch (RuntimeException | OutOfMemoryError e) {
            return fallback.acquire(minCapacity); // native memory exhausted: the heap still serves
        }
    }

    /** The room one member of {@code length} bytes may need, whichever rung ends up writing it. */
    int memberBound(int length) {
        int max = 0;
        for (Rung r : ladder.rungs()) {
            if (r.ready()) {
                max = Math.max(max, GzipMembers.maxMemberSize(r.backend(), length));
            }
        }
        return max;
    }

    /**
     * One member of src's remaining bytes at dst's position, on the first rung of the level's route that serves it;
     * dst must have {@link #memberBound} room (the caller sized it so).
     */
    int compress(ByteBuffer src, ByteBuffer dst, int level) {
        return ladder.compress(level, src.remaining(),
                (backend, copies) -> GzipMembers.compress(backend, src, dst, level, copies), n -> n);
    }

    LastResortWriter lastResort() {
        return lastResort;
    }

    EngineCounters counters() {
        return counters;
    }
}
