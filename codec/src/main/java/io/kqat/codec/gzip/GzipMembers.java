package io.kqat.codec.gzip;

import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.CopyCounter;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;

/**
 * Gzip members on top of one raw-deflate backend: writes exactly one member per compress call, and inflates one member
 * body for the streaming decoder. Buffers the backend cannot use in place are staged through {@link Staged}. When
 * anything is thrown, the caller's buffers keep the positions they had, so the same request can be redone on another
 * backend.
 */
public final class GzipMembers {
    private GzipMembers() {
    }

    /** Worst-case size of one member holding {@code inputLength} bytes. */
    public static int maxMemberSize(Backend backend, int inputLength) {
        return GzipFormat.FRAMING_SIZE + backend.deflateBound(inputLength);
    }

    /**
     * Compresses src's remaining bytes into one gzip member at dst's position; both positions advance. The backend's
     * bound is worked out once, here: the backend gets exactly that much room and relies on it.
     *
     * @return the member's size
     * @throws IllegalArgumentException when dst has less than {@link #maxMemberSize} remaining
     */
    public static int compress(Backend backend, ByteBuffer src, ByteBuffer dst, int level, CopyCounter copies) {
        int length = src.remaining();
        int bodyBound = backend.deflateBound(length);
        if (dst.remaining() < GzipFormat.FRAMING_SIZE + bodyBound) {
            throw new IllegalArgumentException("destination has " + dst.remaining() + " bytes, needs up to "
                    + (GzipFormat.FRAMING_SIZE + bodyBound));
        }
        int srcStart = src.position();
        int dstStart = dst.position();
        boolean done = false;
        try {
            StagingMemory memory = backend.staging();
            dst.position(dstStart + GzipFormat.HEADER_SIZE);
            Backend.Deflated d;
            try (Staged in = Staged.input(src, memory, copies); Staged out = Staged.output(dst, bodyBound, memory)) {
                int outStart = out.buffer().position();
                d = backend.deflate(in.buffer(), out.buffer(), level);
                out.deliver(dst, outStart, d.produced(), copies);
            }
            long crc = d.hasCrc() ? d.crc32() : GzipFormat.crc32(src);
            int end = dst.position();
            dst.position(dstStart);
            GzipFormat.writeHeader(dst, level);
            dst.position(end);
            GzipFormat.writeTrailer(dst, crc, length);
            src.position(srcStart + length);
            done = true;
            return dst.position() - dstStart;
        } finally {
            if (!done) {
                src.position(srcStart);
                dst.position(dstStart);
            }
        }
    }

    /**
     * Inflates one raw deflate stream from src's position into dst at its position, staging either buffer the backend
     * cannot use in place; the caller's positions are left as they were. A CRC32 a device computed is checked against
     * the member's trailer here, once, so a disagreement sends the request on to the next rung; the caller then takes
     * it as the member's CRC32 and computes none itself. A CRC32 computed in software (ISA-L) is not checked here: the
     * caller checks it against the trailer as it checks its own, and a disagreement is corrupt input, reported after
     * one inflate (another rung would only inflate the member again to say the same).
     */
    public static Backend.Inflated inflateBody(Backend backend, ByteBuffer src, ByteBuffer dst, CopyCounter copies) {
        StagingMemory memory = backend.staging();
        try (Staged in = Staged.input(src, memory, copies);
             Staged out = Staged.output(dst, dst.remaining(), memory)) {
            int outStart = out.buffer().position();
            Backend.Inflated r = backend.inflate(in.buffer(), out.buffer());
            if (r.complete()) {
                out.deliver(dst.duplicate(), outStart, r.produced(), copies);
                if (r.hasCrc() && !r.softwareCrc()) {
                    checkDeviceCrc(src, r);
                }
            }
            return r;
        }
    }

    /**
     * A device's CRC32 of what it inflated, against the member's trailer (just after the body; the caller may have set
     * src's limit before it so the device never sees it): if they disagree, the device or the data is wrong, and the
     * next rung decides which (declined, no penalty). The device's CRC is trusted for its output, as the device's
     * compress-and-verify is: recomputing it on the host would spend the CPU the device is there to save.
     */
    private static void checkDeviceCrc(ByteBuffer src, Backend.Inflated r) {
        int p = src.position() + r.consumed();
        if (p + GzipFormat.TRAILER_SIZE > src.capacity()) {
            return; // the member's trailer is not here: the caller's own check reports the truncation
        }
        ByteBuffer trailer = src.duplicate();
        trailer.limit(p + GzipFormat.TRAILER_SIZE).position(p);
        long trailerCrc = trailer.order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        if (r.crc32() != trailerCrc) {
            throw BackendException.declined(String.format("the device's CRC32 %08x disagrees with the trailer's %08x",
                    r.crc32(), trailerCrc));
        }
    }
}
