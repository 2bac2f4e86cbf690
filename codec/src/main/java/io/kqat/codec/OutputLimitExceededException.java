package io.kqat.codec;

/** Decompression would produce more than the caller's bound: a decompression bomb, or a bound set too low. */
public class OutputLimitExceededException extends KqatException {
    private final long limit;

    public OutputLimitExceededException(long limit) {
        super("decompressed size exceeds the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
