package io.kqat.codec.nativeio;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/** The few libc calls kqat needs to own memory outside the Java heap: mmap, munmap, madvise (Linux x86-64 values). */
public final class LibC {
    public static final int PROT_READ_WRITE = 0x1 | 0x2;
    public static final int MAP_PRIVATE = 0x02;
    public static final int MAP_ANONYMOUS = 0x20;
    public static final int MAP_HUGETLB = 0x40000;
    public static final int MADV_HUGEPAGE = 14;
    public static final long MAP_FAILED = -1L;

    static {
        Native.register(LibC.class, NativeLibrary.getInstance("c"));
    }

    private LibC() {
    }

    public static native long mmap(long addr, long length, int prot, int flags, int fd, long offset);

    public static native int munmap(long addr, long length);

    public static native int madvise(long addr, long length, int advice);
}
