package io.kqat.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

/**
 * Reads gzip from a stream. Input up to {@link #ONE_SHOT_INPUT} bytes is decoded in one call through the ladder (the
 * fast path, bounded by the codec's output limit); larger input, or output beyond that limit, is inflated
 * incrementally by the JDK so memory stays bounded whatever the stream holds.
 */
final class GunzipInputStream extends InputStream {
    static final int ONE_SHOT_INPUT = 32 << 20;

    private final GzipCodec codec;
    private final InputStream in;
    private InputStream decoded;
    private boolean closed;

    GunzipInputStream(GzipCodec codec, InputStream in) {
        this.codec = codec;
        this.in = in;
    }

    private InputStream decoded() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (decoded == null) {
            decoded = open();
        }
        return decoded;
    }

    private InputStream open() throws IOException {
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        byte[] buf = new byte[64 << 10];
        int n;
        while (prefix.size() <= ONE_SHOT_INPUT && (n = in.read(buf)) > 0) {
            prefix.write(buf, 0, n);
        }
        byte[] head = prefix.toByteArray();
        if (head.length <= ONE_SHOT_INPUT) {
            try {
                return new BatchInputStream(codec.decompress(ByteBuffer.wrap(head)));
            } catch (OutputLimitExceededException e) {
                // Large output from small input: stream it instead of holding it.
            } catch (CorruptGzipException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return new GZIPInputStream(new EndProbingInputStream(new SequenceInputStream(new ByteArrayInputStream(head), in)),
                64 << 10);
    }

    @Override
    public int read() throws IOException {
        return decoded().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return decoded().read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        return decoded().skip(n);
    }

    @Override
    public int available() throws IOException {
        return decoded == null ? 0 : decoded.available();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }
}
