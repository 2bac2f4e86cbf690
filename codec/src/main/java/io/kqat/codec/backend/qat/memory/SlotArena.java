package io.kqat.codec.backend.qat.memory;

import java.nio.ByteBuffer;

/**
 * Hands out runs of fixed-size slots of the {@link Region} to concurrent batches and requests. A run is contiguous, so
 * a batch sees one buffer; the device sees it as a scatter-gather list. Never blocks: when no run is free the caller
 * gets null and uses other memory. Which slots are lent is one bitmap ({@link SlotMap}, shared by every class loader
 * that uses the same region), so two leases never overlap.
 *
 * <p>A batch grows without moving: a new lease is placed with free slots after it where the arena has room (three
 * times its own size), and {@link Lease#growInPlace} takes those slots, so the bytes already written stay where they
 * are and the device still reads the batch in place.
 */
public final class SlotArena {
    public static final int SLOT_SIZE = 64 << 10;
    /** Free slots left after a new lease, per slot it takes, while the arena has room: in-place growth up to 4x. */
    static final int HEADROOM = 3;

    private final Region region;
    private final SlotMap map;
    private final Lease[] owners;
    private final int slotsPerPart;
    private volatile boolean closedLocally;

    SlotArena(Region region, SlotMap map) {
        this.region = region;
        this.map = map;
        this.owners = new Lease[map.slots()];
        this.slotsPerPart = (int) (region.layout().partBytes() / SLOT_SIZE);
    }

    SlotArena(Region region) {
        this(region, new SlotMap((int) Math.min(Integer.MAX_VALUE, region.size() / SLOT_SIZE)));
    }

    int slotCount() {
        return map.slots();
    }

    int usedSlots() {
        return map.used();
    }

    /** A run of slots holding at least {@code bytes}, on the preferred node's part where possible, or null. */
    Lease acquire(int bytes, int preferredPart) {
        int need = Math.max(1, (int) ((bytes + (long) SLOT_SIZE - 1) / SLOT_SIZE));
        if (need > map.slots() || bytes < 0 || closedLocally) {
            return null;
        }
        int parts = region.layout().parts();
        int first = Math.max(0, Math.min(parts - 1, preferredPart));
        synchronized (map.lock()) {
            for (int k = 0; k < parts; k++) {
                int part = (first + k) % parts;
                int from = part * slotsPerPart;
                int to = part == parts - 1 ? map.slots() : from + slotsPerPart;
                int start = map.place(need, HEADROOM * need, from, to);
                if (start >= 0) {
                    Lease lease = new Lease(start, need, region.layout().node(part));
                    map.take(start, need);
                    own(lease, start, need);
                    return lease;
                }
            }
            return null;
        }
    }

    Lease acquire(int bytes) {
        return acquire(bytes, 0);
    }

    /** The lease whose slots hold [address, address+length), or null. */
    Lease leaseAt(long address, long length) {
        if (!region.contains(address, Math.max(length, 1))) {
            return null;
        }
        synchronized (map.lock()) {
            Lease owner = owners[(int) ((address - region.base()) / SLOT_SIZE)];
            return owner != null && owner.contains(address, length) ? owner : null;
        }
    }

    private void own(Lease lease, int start, int count) {
        for (int i = start; i < start + count; i++) {
            owners[i] = lease;
        }
    }

    /** This arena lends nothing more (its copy of kqat is closing); others sharing the region go on. */
    void closeLocally() {
        closedLocally = true;
    }

    /** No arena lends from now on; true when no slot is lent, so the region's memory may be freed. */
    boolean closeAndIsIdle() {
        return map.closeAndIsIdle();
    }

    /** A run of slots; closing returns it once (later, if the device may still touch it). */
    final class Lease extends DeviceLease {
        private final int start;
        private final int node;
        private volatile int count;
        private volatile ByteBuffer buffer;

        private Lease(int start, int count, int node) {
            this.start = start;
            this.count = count;
            this.node = node;
            this.buffer = region.view((long) start * SLOT_SIZE, count * SLOT_SIZE);
        }

        @Override
        public long address() {
            return region.base() + (long) start * SLOT_SIZE;
        }

        @Override
        protected int capacity() {
            return count * SLOT_SIZE;
        }

        @Override
        public int node() {
            return node;
        }

        @Override
        protected long mappingEnd(long address) {
            return region.mappingEnd(address);
        }

        @Override
        public ByteBuffer buffer() {
            return buffer;
        }

        @Override
        public boolean deviceMapped() {
            return true;
        }

        /** Takes the free slots right after this run; the bytes written stay where they are. */
        @Override
        public boolean growInPlace(int minCapacity) {
            int need = (int) ((minCapacity + (long) SLOT_SIZE - 1) / SLOT_SIZE);
            synchronized (map.lock()) { // the one lock of count and buffer: close() holds the lease's, then this one
                if (need > count) {
                    if (closed() || start + need > map.slots() || !map.extend(start + count, need - count)) {
                        return false;
                    }
                    own(this, start + count, need - count);
                    count = need;
                }
                buffer = region.view((long) start * SLOT_SIZE, count * SLOT_SIZE);
                return true;
            }
        }

        @Override
        protected void free() {
            synchronized (map.lock()) {
                for (int i = start; i < start + count; i++) {
                    owners[i] = null;
                }
                map.release(start, count);
            }
        }
    }
}
