package io.kqat.codec.backend.qat;

import java.nio.ByteBuffer;

/**
 * Hands out runs of fixed-size slots of the {@link Region} to concurrent batches and requests. A run is contiguous, so
 * a batch sees one buffer; the device sees it as a scatter-gather list of slots. Never blocks: when no run is free the
 * caller gets null and uses other memory. Slots are tracked in one bitmap under a lock, so two leases never overlap.
 */
final class SlotArena {
    static final int SLOT_SIZE = 64 << 10;

    private final Region region;
    private final int slots;
    private final long[] used;
    private final Lease[] owners;
    private int usedSlots;
    private int nextHint;
    private boolean closed;

    SlotArena(Region region) {
        this.region = region;
        this.slots = (int) Math.min(Integer.MAX_VALUE, region.size() / SLOT_SIZE);
        this.used = new long[(slots + 63) / 64];
        this.owners = new Lease[slots];
    }

    int slotCount() {
        return slots;
    }

    synchronized int usedSlots() {
        return usedSlots;
    }

    /** A run of slots holding at least {@code bytes}, or null when the arena has no such run free. */
    Lease acquire(int bytes) {
        int need = Math.max(1, (int) ((bytes + (long) SLOT_SIZE - 1) / SLOT_SIZE));
        if (need > slots || bytes < 0) {
            return null;
        }
        synchronized (this) {
            if (closed) {
                return null;
            }
            int start = findRun(need, nextHint);
            if (start < 0 && nextHint > 0) {
                start = findRun(need, 0);
            }
            if (start < 0) {
                return null;
            }
            Lease lease = new Lease(start, need);
            for (int i = start; i < start + need; i++) {
                used[i >>> 6] |= 1L << i;
                owners[i] = lease;
            }
            usedSlots += need;
            nextHint = start + need >= slots ? 0 : start + need;
            return lease;
        }
    }

    /** The lease whose slots hold [address, address+length), or null. */
    synchronized Lease leaseAt(long address, long length) {
        if (!region.contains(address, Math.max(length, 1))) {
            return null;
        }
        Lease owner = owners[(int) ((address - region.base()) / SLOT_SIZE)];
        return owner != null && owner.contains(address, length) ? owner : null;
    }

    private int findRun(int need, int from) {
        int run = 0;
        for (int i = from; i < slots; i++) {
            if ((used[i >>> 6] & (1L << i)) == 0) {
                if (++run == need) {
                    return i - need + 1;
                }
            } else {
                run = 0;
            }
        }
        return -1;
    }

    /** Lends nothing more from now on; true when no slot is lent, so the region's memory may be freed. */
    synchronized boolean closeAndIsIdle() {
        closed = true;
        return usedSlots == 0;
    }

    private synchronized void release(int start, int count) {
        for (int i = start; i < start + count; i++) {
            long bit = 1L << i;
            if ((used[i >>> 6] & bit) == 0) {
                throw new IllegalStateException("slot " + i + " released twice");
            }
            used[i >>> 6] &= ~bit;
            owners[i] = null;
        }
        usedSlots -= count;
    }

    /** A run of slots; closing returns it once (later, if the device may still touch it). */
    final class Lease extends DeviceLease {
        private final int start;
        private final int count;
        private final ByteBuffer buffer;

        private Lease(int start, int count) {
            this.start = start;
            this.count = count;
            this.buffer = region.view((long) start * SLOT_SIZE, count * SLOT_SIZE);
        }

        @Override
        long address() {
            return region.base() + (long) start * SLOT_SIZE;
        }

        @Override
        int capacity() {
            return count * SLOT_SIZE;
        }

        @Override
        public ByteBuffer buffer() {
            return buffer;
        }

        @Override
        public boolean deviceMapped() {
            return true;
        }

        @Override
        protected void free() {
            release(start, count);
        }
    }
}
