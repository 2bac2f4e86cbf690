package io.kqat.codec.backend.qat.memory;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.kqat.codec.BufferLease;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Pinned-copy staging, for qatlib without the IOVA API: batches are copied into buffers from {@code qaeMemAllocNUMA}
 * and results out of them. Blocks are pooled by power-of-two size class and node, so steady traffic allocates nothing;
 * each is allocated on the node of the instances it will serve, and never larger than USDM takes in one call (64 MiB,
 * or 1 MiB in 2 MiB huge-page mode): a batch over that is declined to the next rung, and counted.
 */
public final class PinnedStaging implements DeviceStaging {
    private static final int MIN_CLASS = 16; // 64 KiB
    private final QatLibraries.Usdm usdm;
    private final MemoryNodes nodes;
    private final int maxClass;
    private final ConcurrentLinkedDeque<Block>[][] pools;
    /** Lent leases by address, to find the lease a buffer lies in. */
    private final ConcurrentSkipListMap<Long, PinnedLease> lent = new ConcurrentSkipListMap<>();
    private final LongAdder overLimit = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private volatile boolean closed;

    @SuppressWarnings("unchecked")
    public PinnedStaging(QatLibraries.Usdm usdm, MemoryNodes nodes, UsdmLimits limits) {
        this.usdm = usdm;
        this.nodes = nodes;
        this.maxClass = 63 - Long.numberOfLeadingZeros(limits.maxAllocation());
        int count = nodes.nodes().length;
        this.pools = new ConcurrentLinkedDeque[count][maxClass + 1];
        for (int n = 0; n < count; n++) {
            for (int c = MIN_CLASS; c <= maxClass; c++) {
                pools[n][c] = new ConcurrentLinkedDeque<>();
            }
        }
    }

    /** The largest lease this staging lends. */
    int maxLease() {
        return 1 << maxClass;
    }

    @Override
    public String mode() {
        return "pinned-copy";
    }

    /** Nothing outside pinned memory is reachable: every batch is copied in. */
    @Override
    public boolean readsInPlace(ByteBuffer buffer) {
        return false;
    }

    @Override
    public boolean writesInPlace(ByteBuffer buffer) {
        return false;
    }

    /** A pinned buffer of at least {@code capacity} on this thread's node, or null over USDM's limit or when refused. */
    @Override
    public BufferLease lease(int capacity) {
        int sizeClass = Math.max(MIN_CLASS, 32 - Integer.numberOfLeadingZeros(Math.max(1, capacity) - 1));
        if (closed || capacity < 0) {
            return null;
        }
        if (sizeClass > maxClass) {
            overLimit.increment();
            return null;
        }
        int nodeIndex = nodes.preferredIndex();
        Block block = pools[nodeIndex][sizeClass].pollFirst();
        if (block == null) {
            int node = nodes.node(nodeIndex);
            Pointer memory = usdm.qaeMemAllocNUMA(1L << sizeClass, node, 64);
            if (memory == null) {
                refused.increment();
                return null;
            }
            block = new Block(memory, sizeClass, nodeIndex, node);
        }
        PinnedLease lease = new PinnedLease(block);
        lease.buffer().clear().limit(capacity);
        lent.put(lease.address(), lease);
        return lease;
    }

    @Override
    public DeviceLease leaseAt(long address, int length) {
        Map.Entry<Long, PinnedLease> e = lent.floorEntry(address);
        if (e != null && e.getValue().contains(address, length)) {
            return e.getValue();
        }
        throw new IllegalArgumentException("buffer is not a lent pinned QAT buffer");
    }

    @Override
    public Map<String, Long> figures() {
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("pinnedLent", (long) lent.size());
        f.put("pinnedOverLimit", overLimit.sum());
        f.put("pinnedRefused", refused.sum());
        return f;
    }

    @Override
    public String summary() {
        return lent.size() + " pinned buffers lent (up to " + (maxLease() >> 10) + " KiB each), " + overLimit.sum()
                + " over USDM's limit, " + refused.sum() + " refused by qaeMemAllocNUMA";
    }

    @Override
    public void close() {
        closed = true;
        for (ConcurrentLinkedDeque<Block>[] byClass : pools) {
            for (int c = MIN_CLASS; c <= maxClass; c++) {
                Block b;
                while ((b = byClass[c].pollFirst()) != null) {
                    b.free();
                }
            }
        }
    }

    /** One pinned allocation, reused by many leases over time. */
    private final class Block {
        final Pointer memory;
        final int sizeClass;
        final int nodeIndex;
        final int node;
        final ByteBuffer buffer;

        Block(Pointer memory, int sizeClass, int nodeIndex, int node) {
            this.memory = memory;
            this.sizeClass = sizeClass;
            this.nodeIndex = nodeIndex;
            this.node = node;
            this.buffer = memory.getByteBuffer(0, 1L << sizeClass);
        }

        void free() {
            usdm.qaeMemFreeNUMA(new PointerByReference(memory));
        }
    }

    private final class PinnedLease extends DeviceLease {
        private final Block block;
        private final ByteBuffer buffer;

        PinnedLease(Block block) {
            this.block = block;
            this.buffer = block.buffer.duplicate();
        }

        @Override
        public long address() {
            return Pointer.nativeValue(block.memory);
        }

        @Override
        protected int capacity() {
            return 1 << block.sizeClass;
        }

        @Override
        public int node() {
            return block.node;
        }

        /** One allocation is one registration: its end is the mapping's. */
        @Override
        protected long mappingEnd(long address) {
            return address() + capacity();
        }

        @Override
        public ByteBuffer buffer() {
            return buffer;
        }

        @Override
        protected void free() {
            lent.remove(address());
            if (closed) {
                block.free();
            } else {
                pools[block.nodeIndex][block.sizeClass].offerFirst(block);
            }
        }
    }
}
