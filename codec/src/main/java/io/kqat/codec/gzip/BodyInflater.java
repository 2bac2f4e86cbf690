package io.kqat.codec.gzip;

import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.InflateStream;
import java.nio.ByteBuffer;

/** The two ways a streaming decoder inflates a member's deflate body: whole, or piece by piece. */
public interface BodyInflater {

    /**
     * Inflates a whole raw deflate stream from src's position into dst (at its position) in one call; positions are
     * left as they were, the result says how much was consumed and produced.
     *
     * @param mayBeCut true when src may end before the stream does (a window over a longer input): only software,
     *                 which tells that apart from corrupt data by itself, is asked then
     * @return {@link Backend.Inflated#OUTPUT_TOO_SMALL} when dst is too small
     * @throws io.kqat.codec.CorruptGzipException when the data is not valid, or is cut short
     */
    Backend.Inflated whole(ByteBuffer src, ByteBuffer dst, boolean mayBeCut);

    /** A piece-by-piece inflater, the caller's until it closes it. */
    InflateStream pieces();
}
