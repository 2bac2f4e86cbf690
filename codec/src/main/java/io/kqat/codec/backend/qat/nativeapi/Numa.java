package io.kqat.codec.backend.qat.nativeapi;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;

/**
 * The NUMA calls kqat needs, straight to the kernel (x86-64 Linux, where QAT lives; no libnuma): prefer a node for a
 * range of memory before it is touched ({@code mbind}, MPOL_PREFERRED, so a full node still falls back rather than
 * fails), read that policy back ({@code get_mempolicy}), and the node the calling thread runs on ({@code getcpu}).
 */
public final class Numa {
    private static final long SYS_MBIND = 237;
    private static final long SYS_GET_MEMPOLICY = 239;
    private static final long SYS_GETCPU = 309;
    private static final long MPOL_PREFERRED = 1;
    private static final long MPOL_F_ADDR = 2;
    private static final int MAX_NODE = 63;
    private static final Kernel KERNEL = Native.load("c", Kernel.class);

    private Numa() {
    }

    /** @return 0, or the errno of a refusal (EINVAL for a node this machine does not have) */
    public static int prefer(long address, long length, int node) {
        if (node < 0 || node > MAX_NODE) {
            return 22; // EINVAL: kqat only places on nodes 0..63
        }
        try (Memory mask = new Memory(8)) {
            mask.setLong(0, 1L << node);
            long rc = KERNEL.syscall(SYS_MBIND, address, length, MPOL_PREFERRED, mask, 65L, 0L);
            return rc == 0 ? 0 : Native.getLastError();
        }
    }

    /** The node the policy of the page at {@code address} names, or -1 when it has none. */
    public static int preferredNode(long address) {
        IntByReference mode = new IntByReference();
        try (Memory mask = new Memory(8)) {
            mask.setLong(0, 0);
            long rc = KERNEL.syscall(SYS_GET_MEMPOLICY, mode.getPointer(), mask, 65L, address, MPOL_F_ADDR);
            long bits = mask.getLong(0);
            return rc != 0 || mode.getValue() != MPOL_PREFERRED || bits == 0 ? -1 : Long.numberOfTrailingZeros(bits);
        }
    }

    /** The node of the CPU the calling thread runs on now, or -1 when the kernel does not say. */
    public static int currentNode() {
        IntByReference cpu = new IntByReference();
        IntByReference node = new IntByReference(-1);
        long rc = KERNEL.syscall(SYS_GETCPU, cpu.getPointer(), node.getPointer(), 0L);
        return rc == 0 ? node.getValue() : -1;
    }

    /** libc's generic system call entry. */
    interface Kernel extends Library {
        long syscall(long number, Object... args);
    }
}
