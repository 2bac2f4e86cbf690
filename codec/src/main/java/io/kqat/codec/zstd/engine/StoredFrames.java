package io.kqat.codec.zstd.engine;

import java.nio.ByteBuffer;

/**
 * The zstd last resort, in pure Java: one single-segment frame (content size in the header) of stored ("raw") blocks
 * of at most 128 KiB. Every zstd decoder reads it; it does not compress, so it serves only when every compressing rung
 * failed, as the JDK's deflater does for gzip: no batch is ever refused.
 */
final class StoredFrames {
    private static final int MAGIC = 0xFD2FB528;
    /** Frame_Content_Size_flag 2 (4 bytes), Single_Segment_flag set, no checksum, no dictionary. */
    private static final int HEADER_DESCRIPTOR = 0xA0;
    private static final int BLOCK_MAX = 128 << 10;
    private static final int HEADER = 4 + 1 + 4;
    private static final int BLOCK_HEADER = 3;

    private StoredFrames() {
    }

    static int bound(int n) {
        int blocks = Math.max(1, (n + BLOCK_MAX - 1) / BLOCK_MAX);
        return HEADER + BLOCK_HEADER * blocks + n;
    }

    /** Writes src's remaining bytes as one frame at dst's position; both positions advance. */
    static int write(ByteBuffer src, ByteBuffer dst) {
        int n = src.remaining();
        if (dst.remaining() < bound(n)) {
            throw new IllegalArgumentException("destination has " + dst.remaining() + " bytes, needs " + bound(n));
        }
        int start = dst.position();
        putLe(dst, MAGIC, 4);
        dst.put((byte) HEADER_DESCRIPTOR);
        putLe(dst, n, 4);
        int left = n;
        do {
            int size = Math.min(left, BLOCK_MAX);
            left -= size;
            putLe(dst, (left == 0 ? 1 : 0) | size << 3, 3); // Last_Block, Block_Type 0 (raw), Block_Size
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + size);
            dst.put(part);
            src.position(src.position() + size);
        } while (left > 0);
        return dst.position() - start;
    }

    private static void putLe(ByteBuffer dst, int value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            dst.put((byte) (value >>> 8 * i));
        }
    }
}
