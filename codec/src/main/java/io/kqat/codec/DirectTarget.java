package io.kqat.codec;

import java.nio.ByteBuffer;

/**
 * An output stream's own memory, lent for one member: a batch stream whose target implements this writes the gzip
 * member straight into the target's buffer (Kafka's, for a record batch) instead of through a scratch copy.
 */
public interface DirectTarget {

    /**
     * The target's buffer at its write position with at least {@code bytes} remaining, or null when it has less room
     * (the member is then written through {@link java.io.OutputStream#write}). Never grows the buffer.
     */
    ByteBuffer room(int bytes);

    /** The member's bytes were put at the position {@link #room} returned: move the target past them. */
    void advance(int bytes);
}
