package io.kqat.bench.ceiling;

import java.io.InputStream;
import java.nio.ByteBuffer;

/** A buffer's remaining bytes as an {@link InputStream}, as a file or socket hands a stream its bytes. */
final class BufferInputStream extends InputStream {
    private final ByteBuffer buffer;

    BufferInputStream(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** All that is left, as a file's stream says: a decoder may take it in one go. */
    @Override
    public int available() {
        return buffer.remaining();
    }

    @Override
    public int read() {
        return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!buffer.hasRemaining()) {
            return -1;
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }
}
