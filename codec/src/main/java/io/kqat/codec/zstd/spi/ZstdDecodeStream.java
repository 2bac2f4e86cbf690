package io.kqat.codec.zstd.spi;

import java.nio.ByteBuffer;

/**
 * A piece-by-piece zstd decoder with fixed memory: it reads frames (and skips skippable frames) from windows of input
 * into windows of output, so what a batch inflates to never decides how much memory is used. Not thread-safe: one
 * batch at a time; {@link #reset} before the next.
 */
public interface ZstdDecodeStream extends AutoCloseable {

    /** Forgets the current batch (a partly read frame included). */
    void reset();

    /**
     * Decodes from {@code src} into {@code dst} (both direct) until the input is used up or the output is full;
     * positions advance past what was consumed and produced.
     *
     * @return true when every frame begun so far is complete (the input may end here)
     * @throws io.kqat.codec.CorruptZstdException when the input is not valid zstd
     */
    boolean decode(ByteBuffer src, ByteBuffer dst);

    @Override
    void close();
}
