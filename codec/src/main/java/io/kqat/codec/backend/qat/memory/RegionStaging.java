package io.kqat.codec.backend.qat.memory;

import io.kqat.codec.BufferLease;
import io.kqat.codec.nativeio.DirectAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zero-copy staging: the device reads anything already inside the mapped region where it is (a batch written into a
 * slot), and everything else, output included, goes through slots of the region. Output is never written into the
 * caller's memory directly, so a late write of a timed-out request can only land in a held slot.
 */
public final class RegionStaging implements DeviceStaging {
    private final Region region;
    private final SlotArena arena;
    private final MemoryNodes nodes;
    private final Runnable onClose;

    /** @param onClose leaves the region (the last user unmaps and frees it, see {@link SharedRegion}) */
    RegionStaging(Region region, SlotArena arena, MemoryNodes nodes, Runnable onClose) {
        this.region = region;
        this.arena = arena;
        this.nodes = nodes;
        this.onClose = onClose;
    }

    SlotArena arena() {
        return arena;
    }

    Region region() {
        return region;
    }

    /** A run of slots on this thread's node where possible, or null when none is free. */
    public DeviceLease acquire(int bytes) {
        return arena.acquire(bytes, nodes.preferredIndex());
    }

    @Override
    public String mode() {
        return "zero-copy";
    }

    @Override
    public boolean readsInPlace(ByteBuffer buffer) {
        return buffer.isDirect() && arena.leaseAt(DirectAddress.at(buffer), buffer.remaining()) != null;
    }

    @Override
    public boolean writesInPlace(ByteBuffer buffer) {
        return false;
    }

    @Override
    public BufferLease lease(int capacity) {
        DeviceLease lease = acquire(capacity);
        if (lease != null) {
            lease.buffer().clear().limit(capacity);
        }
        return lease;
    }

    @Override
    public DeviceLease leaseAt(long address, int length) {
        DeviceLease lease = arena.leaseAt(address, length);
        if (lease == null) {
            throw new IllegalArgumentException("buffer is not a lent slot run of the QAT region");
        }
        return lease;
    }

    @Override
    public Map<String, Long> figures() {
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("slotsInUse", (long) arena.usedSlots());
        f.put("slots", (long) arena.slotCount());
        f.put("mappings", (long) region.mappingCount());
        f.put("regionBytes", region.size());
        return f;
    }

    @Override
    public String summary() {
        return "region " + region + ", slots in use " + arena.usedSlots() + "/" + arena.slotCount();
    }

    @Override
    public void close() {
        onClose.run();
    }
}
