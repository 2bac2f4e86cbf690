package io.kqat.codec.spi;

import io.kqat.codec.KqatException;

/**
 * Thrown by the ladder's piece-by-piece inflater when the rung inflating the current member failed in the middle of
 * it: the next rung takes the member over, from its first byte (no other rung can resume another's state). The caller
 * gives the member's deflate data again from its start and drops the output it has already handed on as it is
 * produced again. A caller that no longer holds the member's start cannot redo it and reports this as the error.
 */
public final class InflateRestart extends KqatException {
    private static final long serialVersionUID = 1L;

    public InflateRestart(String rung, Throwable cause) {
        super("rung " + rung + " failed in the middle of a member (" + cause + "); the member is redone on the next rung",
                cause);
    }
}
