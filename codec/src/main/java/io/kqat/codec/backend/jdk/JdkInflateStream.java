package io.kqat.codec.backend.jdk;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.spi.InflateStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** zlib's streaming inflate through {@link Inflater}: any window sizes, heap or direct. */
final class JdkInflateStream implements InflateStream {
    private final Inflater inflater = new Inflater(true);

    @Override
    public void reset() {
        inflater.reset();
    }

    @Override
    public boolean inflate(ByteBuffer src, ByteBuffer dst) {
        int srcStart = src.position();
        long readBefore = inflater.getBytesRead();
        // The inflater keeps no reference to input it was given: each call hands it what is left.
        inflater.setInput(src.duplicate());
        try {
            while (!inflater.finished() && dst.hasRemaining()) {
                int n = inflater.inflate(dst);
                if (n == 0) {
                    if (inflater.needsDictionary()) {
                        throw new CorruptGzipException("deflate stream asks for a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        break;
                    }
                }
            }
        } catch (DataFormatException e) {
            throw new CorruptGzipException("corrupt deflate data: " + e.getMessage(), e);
        }
        src.position(srcStart + (int) (inflater.getBytesRead() - readBefore));
        return inflater.finished();
    }

    @Override
    public void close() {
        inflater.end();
    }
}
