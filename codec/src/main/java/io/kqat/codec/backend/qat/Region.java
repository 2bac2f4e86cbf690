package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;
import io.kqat.codec.nativeio.LibC;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One large block of memory, allocated once (2 MiB huge pages where the system has them reserved, transparent huge
 * pages or plain pages otherwise), 2 MiB aligned, and mapped into the device's IOVA space once with
 * {@code qaeMemMapContiguousIova}, in mappings of at most 2 GiB. Unmapped exactly once, before it is freed.
 */
final class Region implements AutoCloseable {
    static final long HUGE_PAGE = 2L << 20;
    static final long MAX_MAPPING = 2L << 30;

    private final QatLibraries.Iova iova;
    private final long mmapAddress;
    private final long mmapLength;
    private final long base;
    private final long size;
    private final boolean hugeTlb;
    private final List<long[]> mappings = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Region(QatLibraries.Iova iova, long mmapAddress, long mmapLength, long base, long size, boolean hugeTlb) {
        this.iova = iova;
        this.mmapAddress = mmapAddress;
        this.mmapLength = mmapLength;
        this.base = base;
        this.size = size;
        this.hugeTlb = hugeTlb;
    }

    /**
     * Allocates and maps {@code requested} bytes (rounded up to 2 MiB).
     *
     * @throws RegionException with the reason when memory or a mapping is refused
     */
    static Region allocateAndMap(QatLibraries.Iova iova, long requested) {
        if (requested <= 0) {
            throw new IllegalArgumentException("region size must be positive");
        }
        long size = (requested + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
        int flags = LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS;
        long addr = LibC.mmap(0, size, LibC.PROT_READ_WRITE, flags | LibC.MAP_HUGETLB, -1, 0);
        Region region;
        if (addr != LibC.MAP_FAILED && addr != 0) {
            region = new Region(iova, addr, size, addr, size, true);
        } else {
            long length = size + HUGE_PAGE;
            addr = LibC.mmap(0, length, LibC.PROT_READ_WRITE, flags, -1, 0);
            if (addr == LibC.MAP_FAILED || addr == 0) {
                throw new RegionException("could not allocate a " + size + "-byte region (mmap failed)");
            }
            long aligned = (addr + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
            LibC.madvise(aligned, size, LibC.MADV_HUGEPAGE); // a hint: transparent huge pages where enabled
            region = new Region(iova, addr, length, aligned, size, false);
        }
        region.map();
        return region;
    }

    private void map() {
        for (long offset = 0; offset < size; offset += MAX_MAPPING) {
            long length = Math.min(MAX_MAPPING, size - offset);
            long deviceAddress = iova.qaeMemMapContiguousIova(new Pointer(base + offset), length);
            if (deviceAddress == 0) {
                close();
                throw new RegionException("qaeMemMapContiguousIova refused the region (returned 0): VFIO in no-IOMMU "
                        + "mode, or the locked-memory limit (ulimit -l) below " + size + " bytes");
            }
            mappings.add(new long[] {offset, length, deviceAddress});
        }
    }

    long base() {
        return base;
    }

    long size() {
        return size;
    }

    /** True when [address, address+length) lies inside the region. */
    boolean contains(long address, long length) {
        return length >= 0 && address >= base && address - base <= size - length;
    }

    /** A direct buffer over [offset, offset+length) of the region. */
    ByteBuffer view(long offset, int length) {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IndexOutOfBoundsException("region view " + offset + "+" + length + " of " + size);
        }
        return new Pointer(base).getByteBuffer(offset, length);
    }

    /** Unmaps every mapping once, then frees the memory. Idempotent. */
    @Override
    public void close() {
        close(true);
    }

    /**
     * Unmaps every mapping once; frees the memory only when {@code free}. A batch may still be writing into a slot
     * (a producer thread racing JVM exit): its memory must stay valid, so it is left to the process's end rather than
     * unmapped under it.
     */
    void close(boolean free) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (long[] m : mappings) {
            iova.qaeMemUnmapContiguousIova(new Pointer(base + m[0]), m[1]);
        }
        mappings.clear();
        if (free) {
            LibC.munmap(mmapAddress, mmapLength);
        }
    }

    @Override
    public String toString() {
        return (size >> 20) + " MiB (" + (hugeTlb ? "2 MiB huge pages" : "transparent huge pages or 4 KiB pages") + ", "
                + mappings.size() + " IOVA mapping" + (mappings.size() == 1 ? "" : "s") + ")";
    }

    /** The region could not be set up; the message says why. */
    static final class RegionException extends RuntimeException {
        RegionException(String message) {
            super(message);
        }
    }
}
