package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Pinned staging buffers from {@code qaeMemAllocNUMA}, for qatlib without the IOVA API: batches are copied in and out
 * of them. Pooled by power-of-two size class so steady traffic allocates nothing.
 */
final class PinnedBuffers implements AutoCloseable {
    private static final int MIN_CLASS = 16; // 64 KiB
    private static final int MAX_CLASS = 26; // 64 MiB
    private final QatLibraries.Usdm usdm;
    @SuppressWarnings("unchecked")
    private final ConcurrentLinkedDeque<Pinned>[] pools = new ConcurrentLinkedDeque[MAX_CLASS + 1];
    private volatile boolean closed;

    PinnedBuffers(QatLibraries.Usdm usdm) {
        this.usdm = usdm;
        for (int c = MIN_CLASS; c <= MAX_CLASS; c++) {
            pools[c] = new ConcurrentLinkedDeque<>();
        }
    }

    /** A pinned buffer of at least {@code bytes}, or null when that is more than kqat stages or USDM refuses. */
    DeviceBuffer acquire(int bytes) {
        int sizeClass = Math.max(MIN_CLASS, 32 - Integer.numberOfLeadingZeros(Math.max(1, bytes) - 1));
        if (sizeClass > MAX_CLASS || closed) {
            return null;
        }
        Pinned p = pools[sizeClass].pollFirst();
        if (p == null) {
            Pointer mem = usdm.qaeMemAllocNUMA(1L << sizeClass, -1, 64);
            if (mem == null) {
                return null;
            }
            p = new Pinned(mem, sizeClass);
        }
        p.lent = true;
        return p;
    }

    @Override
    public void close() {
        closed = true;
        for (int c = MIN_CLASS; c <= MAX_CLASS; c++) {
            Pinned p;
            while ((p = pools[c].pollFirst()) != null) {
                p.free();
            }
        }
    }

    private final class Pinned implements DeviceBuffer {
        private final Pointer memory;
        private final int sizeClass;
        private final ByteBuffer buffer;
        private volatile boolean lent;

        Pinned(Pointer memory, int sizeClass) {
            this.memory = memory;
            this.sizeClass = sizeClass;
            this.buffer = memory.getByteBuffer(0, 1L << sizeClass);
        }

        @Override
        public long address() {
            return Pointer.nativeValue(memory);
        }

        @Override
        public int capacity() {
            return 1 << sizeClass;
        }

        @Override
        public ByteBuffer buffer() {
            return buffer;
        }

        @Override
        public void close() {
            if (!lent) {
                return;
            }
            lent = false;
            if (closed) {
                free();
            } else {
                pools[sizeClass].offerFirst(this);
            }
        }

        void free() {
            usdm.qaeMemFreeNUMA(new PointerByReference(memory));
        }
    }
}
