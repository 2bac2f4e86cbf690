package io.kqat.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Buffers what is written and emits one gzip member per full chunk (and one for the rest at close): standard
 * multi-member gzip, which `gzip -d`, zlib and the JDK read as one stream. An empty stream still gets one empty member.
 */
final class GzipChunkedOutputStream extends OutputStream {
    static final int DEFAULT_CHUNK = 1 << 20;

    private final GzipCodec codec;
    private final OutputStream out;
    private final ByteBuffer chunk;
    private ByteBuffer compressed;
    private boolean wroteMember;
    private boolean closed;

    GzipChunkedOutputStream(GzipCodec codec, OutputStream out, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        this.codec = codec;
        this.out = out;
        this.chunk = ByteBuffer.allocate(chunkSize);
        this.compressed = ByteBuffer.allocate(codec.maxCompressedLength(chunkSize));
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (!chunk.hasRemaining()) {
            emit();
        }
        chunk.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (!chunk.hasRemaining()) {
                emit();
            }
            int n = Math.min(len, chunk.remaining());
            chunk.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    /** Flushes only the underlying stream: a member is written when its chunk is full or at close, to keep the ratio. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (chunk.position() > 0 || !wroteMember) {
                emit();
            }
            out.flush();
        } finally {
            closed = true;
            out.close();
        }
    }

    private void emit() throws IOException {
        chunk.flip();
        compressed.clear();
        try {
            codec.compress(chunk, compressed);
        } catch (KqatException e) {
            throw new IOException("kqat compression failed: " + e.getMessage(), e);
        }
        out.write(compressed.array(), 0, compressed.position());
        chunk.clear();
        wroteMember = true;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
    }
}
