package io.kqat.codec;

/** The input is not valid zstd: bad magic, corrupt frame or block, checksum mismatch, or truncation. */
public class CorruptZstdException extends KqatException {
    public CorruptZstdException(String message) {
        super(message);
    }
}
