package io.kqat.codec.gzip;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.spi.Backend;
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
     * Inflates one raw deflate stream from src's position into dst at its position, staging either buffer the backend
     * cannot use in place; the caller's positions are left as they were.
     */
    public static Backend.Inflated inflateBody(Backend backend, ByteBuffer src, ByteBuffer dst, CopyCounter copies) {
        StagingMemory memory = backend.staging();
        try (Staged in = Staged.input(src, memory, copies);
             Staged out = Staged.output(dst, dst.remaining(), memory)) {
            int outStart = out.buffer().position();
            Backend.Inflated r = backend.inflate(in.buffer(), out.buffer());
            if (r.complete()) {
                out.deliver(dst.duplicate(), outStart, r.produced(), copies);
            }
            return r;
        }
    }

}
