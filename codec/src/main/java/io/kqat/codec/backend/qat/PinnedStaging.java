package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.kqat.codec.nativeio.DirectAddress;
import io.kqat.codec.spi.BufferLease;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Pinned-copy staging, for qatlib without the IOVA API: batches are copied into buffers from {@code qaeMemAllocNUMA}
 * and results out of them. Blocks are pooled by power-of-two size class so steady traffic allocates nothing.
 */
final class PinnedStaging implements DeviceStaging {
    private static final int MIN_CLASS = 16; // 64 KiB
    private static final int MAX_CLASS = 26; // 64 MiB
    private final QatLibraries.Usdm usdm;
    @SuppressWarnings("unchecked")
    private final ConcurrentLinkedDeque<Block>[] pools = new ConcurrentLinkedDeque[MAX_CLASS + 1];
    /** Lent leases by address, to find the lease a buffer lies in. */
    private final ConcurrentSkipListMap<Long, PinnedLease> lent = new ConcurrentSkipListMap<>();
    private volatile boolean closed;

    PinnedStaging(QatLibraries.Usdm usdm) {
        this.usdm = usdm;
        for (int c = MIN_CLASS; c <= MAX_CLASS; c++) {
            pools[c] = new ConcurrentLinkedDeque<>();
        }
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

    /** A pinned buffer of at least {@code capacity}, or null when that is more than kqat stages or USDM refuses. */
    @Override
    public BufferLease lease(int capacity) {
        int sizeClass = Math.max(MIN_CLASS, 32 - Integer.numberOfLeadingZeros(Math.max(1, capacity) - 1));
        if (sizeClass > MAX_CLASS || closed || capacity < 0) {
            return null;
        }
        Block block = pools[sizeClass].pollFirst();
        if (block == null) {
            Pointer memory = usdm.qaeMemAllocNUMA(1L << sizeClass, -1, 64);
            if (memory == null) {
                return null;
            }
            block = new Block(memory, sizeClass);
        }
        PinnedLease lease = new PinnedLease(block);
        lease.buffer().clear().limit(capacity);
        lent.put(lease.address(), lease);
        return lease;
    }

    @Override
    public DeviceLease leaseOf(ByteBuffer buffer, int length) {
        if (buffer.isDirect()) {
            long address = DirectAddress.at(buffer);
            Map.Entry<Long, PinnedLease> e = lent.floorEntry(address);
            if (e != null && e.getValue().contains(address, length)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("buffer is not a lent pinned QAT buffer");
    }

    @Override
    public Map<String, Long> figures() {
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("pinnedLent", (long) lent.size());
        return f;
    }

    @Override
    public String summary() {
        return lent.size() + " pinned buffers lent";
    }

    @Override
    public void close() {
        closed = true;
        for (int c = MIN_CLASS; c <= MAX_CLASS; c++) {
            Block b;
            while ((b = pools[c].pollFirst()) != null) {
                b.free();
            }
        }
    }

    /** One pinned allocation, reused by many leases over time. */
    private final class Block {
        final Pointer memory;
        final int sizeClass;
        final ByteBuffer buffer;

        Block(Pointer memory, int sizeClass) {
            this.memory = memory;
            this.sizeClass = sizeClass;
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
        long address() {
            return Pointer.nativeValue(block.memory);
        }

        @Override
        int capacity() {
            return 1 << block.sizeClass;
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
                pools[block.sizeClass].offerFirst(block);
            }
        }
    }
}
