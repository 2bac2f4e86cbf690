package io.kqat.codec.gzip;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.backend.Backend;
import io.kqat.codec.buffer.Scratch;
import java.nio.ByteBuffer;

/**
 * Gzip members on top of one raw-deflate backend: writes exactly one member per compress call and walks every member
 * on decompress. Staging of heap buffers for native backends happens here, once, for all of them.
 * A {@link io.kqat.codec.backend.BackendException} propagates with both buffers' positions untouched.
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
     * Compresses src's remaining bytes into one gzip member at dst's position.
     *
     * @return the member's size
     * @throws IllegalArgumentException when dst has less than {@link #maxMemberSize} remaining
     */
    public static int compress(Backend backend, ByteBuffer src, ByteBuffer dst, int level) {
        int length = src.remaining();
        int bound = maxMemberSize(backend, length);
        if (dst.remaining() < bound) {
            throw new IllegalArgumentException("destination has " + dst.remaining() + " bytes, needs up to " + bound);
        }
        int srcStart = src.position();
        int dstStart = dst.position();
        try {
            dst.position(dstStart + GzipFormat.HEADER_SIZE);
            Backend.Deflated d = deflateStaged(backend, src, dst, level);
            long crc = d.hasCrc() ? d.crc32() : GzipFormat.crc32(src.duplicate().position(srcStart).limit(srcStart + length));
            dst.position(dstStart);
            GzipFormat.writeHeader(dst, level);
            dst.position(dstStart + GzipFormat.HEADER_SIZE + d.produced());
            GzipFormat.writeTrailer(dst, crc, length);
            src.position(srcStart + length);
            return dst.position() - dstStart;
        } catch (RuntimeException e) {
            src.position(srcStart);
            dst.position(dstStart);
            throw e;
        }
    }

    private static Backend.Deflated deflateStaged(Backend backend, ByteBuffer src, ByteBuffer dst, int level) {
        if (!backend.requiresDirectBuffers() || (src.isDirect() && dst.isDirect())) {
            int before = dst.position();
            Backend.Deflated d = backend.deflate(src.duplicate(), dst.duplicate(), level);
            dst.position(before);
            return d;
        }
        ByteBuffer in = src.isDirect() ? src.duplicate() : Scratch.input(src.remaining()).put(src.duplicate()).flip();
        ByteBuffer out = dst.isDirect() ? dst.duplicate() : Scratch.output(dst.remaining());
        int outStart = out.position();
        Backend.Deflated d = backend.deflate(in, out, level);
        if (!dst.isDirect()) {
            dst.duplicate().put(out.flip().position(outStart));
        }
        return d;
    }

    /**
     * Decompresses every member of src's remaining bytes into a new buffer (position 0, limit = length).
     * The output grows from the trailer's size hint, never past {@code maxOutput}.
     *
     * @throws CorruptGzipException for invalid or truncated input, or trailing bytes that are not a member
     * @throws OutputLimitExceededException when the output would exceed {@code maxOutput}
     */
    public static ByteBuffer decompress(Backend backend, ByteBuffer src, long maxOutput, boolean direct) {
        if (!src.hasRemaining()) {
            throw new CorruptGzipException("empty input is not gzip");
        }
        int limit = (int) Math.min(maxOutput, Integer.MAX_VALUE - 8);
        // The trailer's ISIZE comes from the wire: trust it only up to what deflate can expand to (1032:1), and
        // allocate up front no more than a plausible ratio (16:1, or 1 MiB) allows; doubling covers real outliers,
        // so a forged ISIZE cannot make every request thread allocate the whole bound at once.
        long plausible = Math.max(1L << 20, (long) src.remaining() * PLAUSIBLE_RATIO);
        long hint = Math.min(Math.min(GzipFormat.lastMemberSizeHint(src), (long) src.remaining() * MAX_DEFLATE_RATIO),
                plausible);
        int capacity = (int) Math.min(limit, Math.max(64, hint + (hint >> 4)));
        ByteBuffer out = allocate(capacity, direct);
        ByteBuffer in = backend.requiresDirectBuffers() && !src.isDirect()
                ? Scratch.input(src.remaining()).put(src.duplicate()).flip() // staged once for every member
                : src.duplicate();
        while (in.hasRemaining()) {
            GzipFormat.skipHeader(in);
            while (true) {
                Backend.Inflated r = inflateStaged(backend, in, out);
                if (r.complete()) {
                    int memberStart = out.position() - r.produced();
                    long crc = GzipFormat.crc32(out.duplicate().position(memberStart).limit(out.position()));
                    GzipFormat.checkTrailer(in, crc, r.produced());
                    break;
                }
                if (out.capacity() >= limit) {
                    throw new OutputLimitExceededException(maxOutput);
                }
                int grown = (int) Math.min(limit, Math.max(out.capacity() * 2L, 1024));
                out = allocate(grown, direct).put(out.flip());
            }
        }
        return out.flip();
    }

    private static Backend.Inflated inflateStaged(Backend backend, ByteBuffer in, ByteBuffer out) {
        if (!backend.requiresDirectBuffers() || (in.isDirect() && out.isDirect())) {
            return backend.inflate(in, out);
        }
        ByteBuffer stagedIn = in.isDirect() ? in.duplicate() : Scratch.input(in.remaining()).put(in.duplicate()).flip();
        ByteBuffer stagedOut = out.isDirect() ? out.duplicate() : Scratch.output(out.remaining());
        int outStart = stagedOut.position();
        Backend.Inflated r = backend.inflate(stagedIn, stagedOut);
        if (r.complete()) {
            in.position(in.position() + r.consumed());
            if (out.isDirect()) {
                out.position(out.position() + r.produced());
            } else {
                out.put(stagedOut.flip().position(outStart));
            }
        }
        return r;
    }

    private static ByteBuffer allocate(int capacity, boolean direct) {
        return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }
}
