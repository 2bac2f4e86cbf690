package io.kqat.codec.backend.qat.memory;

import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.nativeio.LibC;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * One large block of memory, allocated once (2 MiB huge pages where the system has them reserved, transparent huge
 * pages or plain pages otherwise), 2 MiB aligned with a size of whole 2 MiB pages (what USDM demands in huge-page
 * mode, and more than the 4 KiB it demands otherwise), marked {@code MADV_DONTFORK} as USDM marks its own memory (a
 * forked child must not share pages the device writes), cut into one part per NUMA node of the instances (each part
 * preferred on its node before it is touched), and mapped into the device's IOVA space once with
 * {@code qaeMemMapContiguousIova}, in mappings of at most 2 GiB. Unmapped exactly once, before it is freed.
 */
public final class Region implements AutoCloseable {
    static final long HUGE_PAGE = 2L << 20;
    /** The largest mapping {@code qaeMemMapContiguousIova} takes. */
    public static final long MAX_MAPPING = 2L << 30;
    /** Linux {@code MADV_DONTFORK} (asm-generic/mman-common.h). */
    static final int MADV_DONTFORK = 10;

    private final QatLibraries.Iova iova;
    private final long mmapAddress;
    private final long mmapLength;
    private final long base;
    private final long size;
    private final boolean hugeTlb;
    private final long mappingBytes;
    private final RegionLayout layout;
    private final List<long[]> mappings = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** One direct buffer over the whole region, made once: leases are slices of it (null over 2 GiB). */
    private final ByteBuffer whole;
    /** Direct buffers made through JNI (NewDirectByteBuffer, about a microsecond each): the whole view, and any view
     * of a region too large for one buffer. */
    private final LongAdder nativeViews = new LongAdder();
    private boolean dontFork;

    Region(QatLibraries.Iova iova, long mmapAddress, long mmapLength, long base, long size, boolean hugeTlb,
           long mappingBytes, RegionLayout layout) {
        this.iova = iova;
        this.mmapAddress = mmapAddress;
        this.mmapLength = mmapLength;
        this.base = base;
        this.size = size;
        this.hugeTlb = hugeTlb;
        this.mappingBytes = mappingBytes;
        this.layout = layout;
        this.whole = size <= Integer.MAX_VALUE ? nativeView(0, (int) size) : null;
    }

    /** One part on any node, mappings of up to 2 GiB. */
    static Region allocateAndMap(QatLibraries.Iova iova, long requested) {
        return allocateAndMap(iova, requested, new int[] {-1}, MAX_MAPPING);
    }

    /**
     * Allocates and maps {@code requested} bytes (rounded up to 2 MiB per node part).
     *
     * @param nodes        the NUMA node of each part (-1: no preference)
     * @param mappingBytes the largest mapping (2 GiB; smaller in tests, to get several mappings cheaply)
     * @throws RegionException with the reason when memory or a mapping is refused
     */
    static Region allocateAndMap(QatLibraries.Iova iova, long requested, int[] nodes, long mappingBytes) {
        if (requested <= 0) {
            throw new IllegalArgumentException("region size must be positive");
        }
        if (mappingBytes <= 0 || mappingBytes % HUGE_PAGE != 0 || mappingBytes > MAX_MAPPING) {
            throw new IllegalArgumentException("mapping size must be a multiple of 2 MiB up to 2 GiB");
        }
        long part = (requested / nodes.length + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
        long size = part * nodes.length;
        int flags = LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS;
        long addr = LibC.mmap(0, size, LibC.PROT_READ_WRITE, flags | LibC.MAP_HUGETLB, -1, 0);
        Region region;
        RegionLayout layout = new RegionLayout(nodes, part);
        if (addr != LibC.MAP_FAILED && addr != 0) {
            region = new Region(iova, addr, size, addr, size, true, mappingBytes, layout);
        } else {
            long length = size + HUGE_PAGE;
            addr = LibC.mmap(0, length, LibC.PROT_READ_WRITE, flags, -1, 0);
            if (addr == LibC.MAP_FAILED || addr == 0) {
                throw new RegionException("could not allocate a " + size + "-byte region (mmap failed)");
            }
            long aligned = (addr + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
            LibC.madvise(aligned, size, LibC.MADV_HUGEPAGE); // a hint: transparent huge pages where enabled
            region = new Region(iova, addr, length, aligned, size, false, mappingBytes, layout);
        }
        region.dontFork = LibC.madvise(region.base, size, MADV_DONTFORK) == 0;
        layout.place(region.base);
        region.map();
        return region;
    }

    private void map() {
        for (long offset = 0; offset < size; offset += mappingBytes) {
            long length = Math.min(mappingBytes, size - offset);
            long deviceAddress = iova.qaeMemMapContiguousIova(new Pointer(base + offset), length);
            if (deviceAddress == 0) {
                close();
                String memlock = LockedMemory.shortfall(size);
                throw new RegionException("qaeMemMapContiguousIova refused the region (returned 0): " + (memlock != null
                        ? memlock : "VFIO in no-IOMMU mode, or the locked-memory limit (ulimit -l) below " + size
                        + " bytes and qatlib's own pinned memory"));
            }
            mappings.add(new long[] {offset, length, deviceAddress});
        }
    }

    long base() {
        return base;
    }

    public long size() {
        return size;
    }

    RegionLayout layout() {
        return layout;
    }

    int mappingCount() {
        return mappings.size();
    }

    boolean dontFork() {
        return dontFork;
    }

    /** What another class loader needs to use this region as its own (see {@link SharedRegion}). */
    long[] export() {
        long[] e = new long[8 + 3 * mappings.size()];
        e[0] = mmapAddress;
        e[1] = mmapLength;
        e[2] = base;
        e[3] = size;
        e[4] = hugeTlb ? 1 : 0;
        e[5] = mappingBytes;
        e[6] = dontFork ? 1 : 0;
        e[7] = mappings.size();
        for (int i = 0; i < mappings.size(); i++) {
            System.arraycopy(mappings.get(i), 0, e, 8 + 3 * i, 3);
        }
        return e;
    }

    /** The region another class loader exported, mapped already. */
    static Region adopt(QatLibraries.Iova iova, long[] e, RegionLayout layout) {
        Region r = new Region(iova, e[0], e[1], e[2], e[3], e[4] != 0, e[5], layout);
        r.dontFork = e[6] != 0;
        for (int i = 0; i < e[7]; i++) {
            r.mappings.add(new long[] {e[8 + 3 * i], e[9 + 3 * i], e[10 + 3 * i]});
        }
        return r;
    }

    /** True when [address, address+length) lies inside the region. */
    boolean contains(long address, long length) {
        return length >= 0 && address >= base && address - base <= size - length;
    }

    /** The end of the mapping holding {@code address} (inside the region). */
    long mappingEnd(long address) {
        long offset = address - base;
        return base + Math.min(size, (offset / mappingBytes + 1) * mappingBytes);
    }

    /**
     * A direct buffer over [offset, offset+length) of the region, in native byte order as JNA makes them: a slice of
     * the whole view, no native call.
     */
    ByteBuffer view(long offset, int length) {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IndexOutOfBoundsException("region view " + offset + "+" + length + " of " + size);
        }
        if (whole == null) {
            return nativeView(offset, length);
        }
        ByteBuffer at = whole.duplicate(); // codec is built for Java 11: no slice(index, length)
        at.limit((int) offset + length).position((int) offset);
        return at.slice().order(ByteOrder.nativeOrder());
    }

    private ByteBuffer nativeView(long offset, int length) {
        nativeViews.increment();
        return new Pointer(base).getByteBuffer(offset, length);
    }

    /** Direct buffers made through JNI so far. */
    long nativeViews() {
        return nativeViews.sum();
    }

    /** Unmaps every mapping once, then frees the memory. Idempotent. */
    @Override
    public void close() {
        close(true, true);
    }

    /**
     * Unmaps every mapping once when {@code unmap}; frees the memory only when {@code free}. A batch may still be
     * writing into a slot (a producer thread racing JVM exit): its memory must stay valid. A request that timed out
     * may still be written by the device: then the mapping stays too, and both are left to the process's end.
     */
    void close(boolean unmap, boolean free) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (unmap) {
            for (long[] m : mappings) {
                iova.qaeMemUnmapContiguousIova(new Pointer(base + m[0]), m[1]);
            }
            mappings.clear();
            if (free) {
                LibC.munmap(mmapAddress, mmapLength);
            }
        }
    }

    @Override
    public String toString() {
        return (size >> 20) + " MiB (" + (hugeTlb ? "2 MiB huge pages" : "transparent huge pages or 4 KiB pages") + ", "
                + mappings.size() + " IOVA mapping" + (mappings.size() == 1 ? "" : "s") + ", " + layout
                + (dontFork ? ", MADV_DONTFORK" : ", MADV_DONTFORK refused") + ")";
    }

    /** The region could not be set up; the message says why. */
    public static final class RegionException extends RuntimeException {
        RegionException(String message) {
            super(message);
        }
    }
}
