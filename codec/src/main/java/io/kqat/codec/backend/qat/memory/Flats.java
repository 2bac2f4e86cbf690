package io.kqat.codec.backend.qat.memory;

import java.nio.ByteBuffer;

/**
 * Cuts a range of device memory into the flat buffers of one scatter-gather list. qatlib translates only the start of
 * each flat, and separate mappings have unrelated device addresses, so a flat must never run from one mapping into
 * the next: cuts fall at every multiple of the flat size and at the end of every mapping the range crosses.
 */
public final class Flats {
    private Flats() {
    }

    /** How many flats [address, address+length) of {@code lease} takes (one, empty, for length 0). */
    public static int count(DeviceLease lease, long address, long length, int flatBytes) {
        if (length <= 0) {
            return 1;
        }
        int n = 0;
        long end = address + length;
        for (long at = address; at < end; at = cut(lease, at, end, flatBytes)) {
            n++;
        }
        return n;
    }

    /**
     * Writes the flats into the array of CpaFlatBuffer at {@code flatsAt} of {@code block} (a direct view of native
     * memory in native byte order) and returns how many; the caller has checked {@link #count} against the array's size.
     */
    public static int write(ByteBuffer block, int flatsAt, int flatSize, int lenOffset, int dataOffset, DeviceLease lease,
                            long address, long length, int flatBytes) {
        if (length <= 0) {
            block.putInt(flatsAt + lenOffset, 0);
            block.putLong(flatsAt + dataOffset, address);
            return 1;
        }
        int n = 0;
        long end = address + length;
        for (long at = address; at < end; n++) {
            long next = cut(lease, at, end, flatBytes);
            int base = flatsAt + n * flatSize;
            block.putInt(base + lenOffset, (int) (next - at));
            block.putLong(base + dataOffset, at);
            at = next;
        }
        return n;
    }

    /** Where the flat starting at {@code at} ends. */
    private static long cut(DeviceLease lease, long at, long end, int flatBytes) {
        long boundary = (at / flatBytes + 1) * flatBytes;
        long mappingEnd = lease.mappingEnd(at);
        return Math.min(end, mappingEnd > at ? Math.min(boundary, mappingEnd) : boundary);
    }
}
