package io.kqat.codec.engine;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.KqatException;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.gzip.GzipStreamDecoder;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Any gzip (several members, optional header fields, zero padding) read as a stream of its decoded bytes, with the
 * fixed memory of the decoder's windows. Errors in the data surface as {@link IOException}s whose cause is kqat's
 * {@link CorruptGzipException} or {@link OutputLimitExceededException}.
 */
final class GunzipInputStream extends InputStream {
    private final GzipStreamDecoder decoder;
    private final Closeable source;
    private final EngineCounters counters;
    private ByteBuffer window;
    private boolean closed;

    /**
     * @param source   closed with this stream (the compressed input), or null
     * @param counters where the bytes handed to readers are counted (each one is copied out of a window)
     */
    GunzipInputStream(GzipStreamDecoder decoder, Closeable source, EngineCounters counters) {
        this.decoder = decoder;
        this.source = source;
        this.counters = counters;
    }

    /** The decoded bytes ready to read, or null at the end. */
    private ByteBuffer window() throws IOException {
        if (closed) {
            throw new IOException("kqat gzip stream closed");
        }
        ByteBuffer w = window;
        if (w != null && w.hasRemaining()) {
            return w;
        }
        try {
            window = decoder.next();
        } catch (KqatException e) {
            throw new IOException(e.getMessage(), e);
        }
        return window;
    }

    @Override
    public int read() throws IOException {
        ByteBuffer w = window();
        if (w == null) {
            return -1;
        }
        counters.addReaderBytesCopied(1);
        return w.get() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        ByteBuffer w = window();
        if (w == null) {
            return -1;
        }
        int n = Math.min(len, w.remaining());
        w.get(b, off, n);
        counters.addReaderBytesCopied(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            ByteBuffer w = window();
            if (w == null) {
                break;
            }
            int k = (int) Math.min(n - skipped, w.remaining());
            w.position(w.position() + k);
            skipped += k;
        }
        return skipped;
    }

    @Override
    public int available() {
        ByteBuffer w = window;
        return closed || w == null ? 0 : w.remaining();
    }

    /** Decodes the first bytes now, so a batch whose start is not valid gzip is known before anyone reads it. */
    void open() throws IOException {
        window();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            window = null;
            decoder.close();
            if (source != null) {
                source.close();
            }
        }
    }
}
