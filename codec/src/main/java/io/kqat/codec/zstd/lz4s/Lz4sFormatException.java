package io.kqat.codec.zstd.lz4s;

import io.kqat.codec.spi.BackendException;

/**
 * A device's LZ4s output breaks a rule of the format: the device misbehaved (the input it was given is whatever the
 * caller wrote, never at fault), so it counts against the device's breaker and the batch is redone on the next rung.
 * libzstd is never called with such a parse.
 */
public final class Lz4sFormatException extends BackendException {
    private final int at;

    Lz4sFormatException(String rule, int at) {
        super("LZ4s stream refused at byte " + at + ": " + rule, true, null); // the device broke the format: a fault
        this.at = at;
    }

    /** Offset in the LZ4s stream where the rule was broken. */
    public int at() {
        return at;
    }
}
