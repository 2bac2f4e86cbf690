package io.kqat.codec;

/** Base of every error kqat reports. Unchecked so the ByteBuffer API stays usable from lambdas; streams rethrow as IOException. */
public class KqatException extends RuntimeException {
    public KqatException(String message) {
        super(message);
    }

    public KqatException(String message, Throwable cause) {
        super(message, cause);
    }
}
