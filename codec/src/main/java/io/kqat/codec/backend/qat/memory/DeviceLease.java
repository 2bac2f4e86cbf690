package io.kqat.codec.backend.qat.memory;

import io.kqat.codec.BufferLease;

/**
 * Memory the device can reach (a run of region slots, or a pinned allocation), lent for one batch or one request.
 * While the device may still touch it (a request that timed out but has not completed) it is held: closing it then
 * only marks it, and the memory is freed when the last hold ends, so no later request can be handed memory the device
 * is about to write.
 */
public abstract class DeviceLease implements BufferLease {
    private int holds;
    private volatile boolean closeRequested;
    private boolean freed;

    /** Native address of the first byte. */
    public abstract long address();

    protected abstract int capacity();

    /** The NUMA node this memory was placed on (-1: any), so the request goes to an instance there. */
    public abstract int node();

    /**
     * The end of the device mapping that holds {@code address}: a flat buffer must not run past it (only its start is
     * translated, and separate mappings have unrelated device addresses).
     */
    protected abstract long mappingEnd(long address);

    /** Gives the memory back to its pool; called once. */
    protected abstract void free();

    boolean contains(long address, long length) {
        return length >= 0 && address >= address() && address - address() <= capacity() - length;
    }

    /** Keeps this memory from reuse until the returned action runs (once). */
    public synchronized Runnable hold() {
        holds++;
        boolean[] ended = {false};
        return () -> {
            synchronized (this) {
                if (!ended[0]) {
                    ended[0] = true;
                    holds--;
                    freeIfDone();
                }
            }
        };
    }

    boolean closed() {
        return closeRequested;
    }

    @Override
    public final synchronized void close() {
        closeRequested = true;
        freeIfDone();
    }

    private void freeIfDone() {
        if (closeRequested && holds == 0 && !freed) {
            freed = true;
            free();
        }
    }
}
