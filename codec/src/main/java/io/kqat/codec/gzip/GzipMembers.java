package io.kqat.codec.gzip;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.CopyCounter;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;

/**
 * Gzip members on top of one raw-deflate backend: writes exactly one member per compress call and walks every member
 * on decompress. Buffers the backend cannot use in place are staged through {@link Staged}. When anything is thrown,
 * the caller's buffers keep the positions they had, so the same request can be redone on another backend.
 */
public final class GzipMembers {
    /** Deflate cannot expand input by more than about 1032:1; used to cap size hints read from the wire. */
    static final int MAX_DEFLATE_RATIO = 1032;
    static final int PLAUSIBLE_RATIO = 16;

    private GzipMembers() {
    }

    /** Worst-case size of one member holding {@code inputLength} bytes. */
    public static int maxMemberSize(Backend backend, int inputLength) {
        return GzipFormat.FRAMING_SIZE + backend.deflateBound(inputLength);
    }

    /**
     * Compresses src's remaining bytes into one gzip member at dst's position; both positions advance.
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
     * Decompresses every member of src's remaining bytes into a new buffer (position 0, limit = length; direct when the
     * backend writes only direct memory). The output grows from the trailer's size hint, never past {@code maxOutput},
     * which bounds the sum over all members. Zero bytes after the last member are ignored, as gzip does.
     *
     * @throws CorruptGzipException for invalid or truncated input, or trailing bytes that are neither a member nor zeros
     * @throws OutputLimitExceededException when the output would exceed {@code maxOutput}
     */
    public static ByteBuffer decompress(Backend backend, ByteBuffer src, long maxOutput, CopyCounter copies) {
        if (!src.hasRemaining()) {
            throw new CorruptGzipException("empty input is not gzip");
        }
        StagingMemory memory = backend.staging();
        boolean direct = !memory.writesInPlace(ByteBuffer.allocate(0));
        int limit = (int) Math.min(maxOutput, Integer.MAX_VALUE - 8);
        ByteBuffer out = allocate((int) Math.min(limit, initialCapacity(src)), direct);
        try (Staged staged = Staged.input(src, memory, copies)) {
            ByteBuffer in = staged.buffer();
            do {
                GzipFormat.skipHeader(in);
                out = inflateMember(backend, in, out, limit, maxOutput, copies);
            } while (in.hasRemaining() && !onlyZeros(in));
        }
        return out.flip();
    }

    /**
     * The trailer's ISIZE comes from the wire: it is trusted only up to what deflate can expand to (1032:1), and up
     * front no more than a plausible ratio (16:1, or 1 MiB) is allocated; doubling covers real outliers, so a forged
     * ISIZE cannot make every request thread allocate the whole bound at once.
     */
    private static long initialCapacity(ByteBuffer src) {
        long plausible = Math.max(1L << 20, (long) src.remaining() * PLAUSIBLE_RATIO);
        long hint = Math.min(Math.min(GzipFormat.lastMemberSizeHint(src), (long) src.remaining() * MAX_DEFLATE_RATIO),
                plausible);
        return Math.max(64, hint + (hint >> 4));
    }

    /** Inflates the member whose deflate data starts at in's position and checks its trailer; returns the output. */
    private static ByteBuffer inflateMember(Backend backend, ByteBuffer in, ByteBuffer out, int limit, long maxOutput,
                                            CopyCounter copies) {
        while (true) {
            Backend.Inflated r;
            int memberStart = out.position();
            try (Staged o = Staged.output(out, out.remaining(), backend.staging())) {
                int oStart = o.buffer().position();
                // The last 8 bytes are a trailer whatever the member count: the device never needs to see them.
                ByteBuffer body = in.duplicate();
                body.limit(Math.max(body.position(), body.limit() - GzipFormat.TRAILER_SIZE));
                r = backend.inflate(body, o.buffer());
                if (r.complete()) {
                    o.deliver(out, oStart, r.produced(), copies);
                }
            }
            if (r.complete()) {
                in.position(in.position() + r.consumed());
                ByteBuffer member = out.duplicate();
                member.limit(out.position()).position(memberStart);
                long crc = GzipFormat.crc32(member);
                if (r.hasCrc()) {
                    checkDeviceCrc(in, r.crc32(), crc);
                }
                GzipFormat.checkTrailer(in, crc, r.produced());
                return out;
            }
            if (out.capacity() >= limit) {
                throw new OutputLimitExceededException(maxOutput);
            }
            int grown = (int) Math.min(limit, Math.max(out.capacity() * 2L, 1024));
            out = allocate(grown, out.isDirect()).put(out.flip());
        }
    }

    /**
     * A device's CRC32 of what it inflated, against the trailer at in's position: if they disagree, the device or the
     * data is wrong, and the next rung decides which (declined, no penalty); if they agree but the output does not
     * match them, the device wrote something else than it checked: a device fault.
     */
    private static void checkDeviceCrc(ByteBuffer in, long deviceCrc, long outputCrc) {
        if (in.remaining() < GzipFormat.TRAILER_SIZE) {
            return; // checkTrailer reports the truncation
        }
        int p = in.position();
        long trailerCrc = (in.get(p) & 0xffL) | (in.get(p + 1) & 0xffL) << 8 | (in.get(p + 2) & 0xffL) << 16
                | (in.get(p + 3) & 0xffL) << 24;
        if (deviceCrc != trailerCrc) {
            throw BackendException.declined(String.format("the device's CRC32 %08x disagrees with the trailer's %08x",
                    deviceCrc, trailerCrc));
        }
        if (outputCrc != trailerCrc) {
            throw new BackendException(String.format("the device's output has CRC32 %08x, not the %08x it reported",
                    outputCrc, deviceCrc));
        }
    }

    private static boolean onlyZeros(ByteBuffer in) {
        for (int i = in.position(); i < in.limit(); i++) {
            if (in.get(i) != 0) {
                return false;
            }
        }
        in.position(in.limit());
        return true;
    }

    private static ByteBuffer allocate(int capacity, boolean direct) {
        return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }
}
