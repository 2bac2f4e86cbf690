package io.kqat.codec.spi;

import java.nio.ByteBuffer;

/**
 * A raw deflate stream inflated piece by piece, in whatever input and output windows the caller has: for members too
 * large to hold whole, and for reading with fixed memory. One per caller; not thread-safe. Buffers are of the kind the
 * backend's {@link Backend#staging()} works on in place.
 */
public interface InflateStream extends AutoCloseable {

    /** Forgets the current stream, ready for a new one. */
    void reset();

    /**
     * Inflates from src into dst as far as either allows; both positions advance past what was used. When it returns
     * false, the caller gives more input if src is used up, or more room if dst is full, and calls again.
     *
     * @return true when the end of the deflate stream was reached (src's position is then just past it)
     * @throws io.kqat.codec.CorruptGzipException if the data is not valid deflate, or makes no progress with input
     *                                            and room to spare
     */
    boolean inflate(ByteBuffer src, ByteBuffer dst);

    @Override
    void close();
}
