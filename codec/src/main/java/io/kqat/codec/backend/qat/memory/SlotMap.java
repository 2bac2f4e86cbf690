package io.kqat.codec.backend.qat.memory;

/**
 * Which slots of a region are lent: one bit per slot, in a plain {@code long[]} that is also the lock, so every class
 * loader using the same region (see {@link SharedRegion}) works on the same bits. Callers hold {@link #lock()}
 * around every method but {@link #slots()}.
 */
final class SlotMap {
    private static final int USED = 0;
    private static final int CLOSED = 1;
    private static final int WORDS = 2;

    /** [used slots, closed flag, bitmap words...]. */
    private final long[] state;
    private final int slots;

    SlotMap(int slots) {
        this(new long[WORDS + (slots + 63) / 64], slots);
    }

    /** A view of shared state made by another class loader's {@code SlotMap}. */
    SlotMap(long[] state, int slots) {
        if (state.length < WORDS + (slots + 63) / 64) {
            throw new IllegalArgumentException("slot state too small for " + slots + " slots");
        }
        this.state = state;
        this.slots = slots;
    }

    long[] lock() {
        return state;
    }

    long[] state() {
        return state;
    }

    int slots() {
        return slots;
    }

    int used() {
        synchronized (state) {
            return (int) state[USED];
        }
    }

    private boolean free(int i) {
        return (state[WORDS + (i >>> 6)] & (1L << i)) == 0;
    }

    /**
     * Where a run of {@code need} slots goes in [from, to): with {@code headroom} free slots after it, and as many left
     * free after the lease before it, where the arena has such room (so both can grow in place); else the first run
     * that fits. -1 when none does (or closed).
     */
    int place(int need, int headroom, int from, int to) {
        if (state[CLOSED] != 0) {
            return -1;
        }
        int start = headroom > 0 ? spaced(need, headroom, from, to) : -1;
        return start >= 0 ? start : run(need, from, to);
    }

    private int spaced(int need, int headroom, int from, int to) {
        int i = from;
        while (i < to) {
            int s = run(1, i, to);
            if (s < 0) {
                return -1;
            }
            int before = s == from ? 0 : headroom; // the slot before s is lent: leave that lease its room
            int e = freeUntil(s, Math.min(to, s + before + need + headroom)); // no further: a long run costs no more
            if (e - s >= before + need + headroom) {
                return s + before;
            }
            i = e;
        }
        return -1;
    }

    /** The first lent slot in [from, to), or {@code to}; a whole free word of the bitmap at a time. */
    private int freeUntil(int from, int to) {
        int e = from;
        while (e < to) {
            if ((e & 63) == 0 && state[WORDS + (e >>> 6)] == 0L) {
                e += 64;
            } else if (free(e)) {
                e++;
            } else {
                return e;
            }
        }
        return to;
    }

    private int run(int need, int from, int to) {
        int run = 0;
        int i = from;
        while (i < to) {
            long word = state[WORDS + (i >>> 6)];
            if ((i & 63) == 0 && word == -1L) {
                run = 0;
                i += 64;
                continue;
            }
            if ((i & 63) == 0 && word == 0L && i + 64 <= to) {
                run += 64;
                i += 64;
            } else {
                run = free(i) ? run + 1 : 0;
                i++;
            }
            if (run >= need) {
                return i - run;
            }
        }
        return -1;
    }

    void take(int start, int count) {
        for (int i = start; i < start + count; i++) {
            state[WORDS + (i >>> 6)] |= 1L << i;
        }
        state[USED] += count;
    }

    /** Takes [start, start+count) if every slot there is free. */
    boolean extend(int start, int count) {
        if (state[CLOSED] != 0 || start + count > slots) {
            return false;
        }
        for (int i = start; i < start + count; i++) {
            if (!free(i)) {
                return false;
            }
        }
        take(start, count);
        return true;
    }

    void release(int start, int count) {
        for (int i = start; i < start + count; i++) {
            if (free(i)) {
                throw new IllegalStateException("slot " + i + " released twice");
            }
            state[WORDS + (i >>> 6)] &= ~(1L << i);
        }
        state[USED] -= count;
    }

    /** Lends nothing more from now on; true when no slot is lent. */
    boolean closeAndIsIdle() {
        synchronized (state) {
            state[CLOSED] = 1;
            return state[USED] == 0;
        }
    }
}
