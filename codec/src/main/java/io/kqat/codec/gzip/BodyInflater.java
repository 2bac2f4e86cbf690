package io.kqat.codec.gzip;

import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.InflateStream;
import java.nio.ByteBuffer;

/** The two ways a streaming decoder inflates a member's deflate body: whole, or piece by piece. */
public interface BodyInflater {

    /**
     * Inflates a whole raw deflate stream from src's position into dst in one call, both used in place.
     *
     * @return {@link Backend.Inflated#OUTPUT_TOO_SMALL} (positions untouched) when dst is too small, or null when no
     *         backend can do it with these buffers
     * @throws io.kqat.codec.CorruptGzipException when the data is not valid, or is cut short (src may end mid-stream)
     */
    Backend.Inflated whole(ByteBuffer src, ByteBuffer dst);

    /** A piece-by-piece inflater, the caller's until it closes it. */
    InflateStream pieces();
}
