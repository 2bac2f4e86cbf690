package io.kqat.codec;

/** The input is not valid gzip: bad magic, bad header, corrupt deflate data, CRC or length mismatch, or truncation. */
public class CorruptGzipException extends KqatException {
    public CorruptGzipException(String message) {
        super(message);
    }

    public CorruptGzipException(String message, Throwable cause) {
        super(message, cause);
    }
}
