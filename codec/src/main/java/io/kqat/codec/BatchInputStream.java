package io.kqat.codec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/** Serves one already-inflated batch to a reader (Kafka's record iterator), including {@code skip} and end of stream. */
final class BatchInputStream extends InputStream {
    private ByteBuffer records;

    BatchInputStream(ByteBuffer records) {
        this.records = records;
    }

    @Override
    public int read() throws IOException {
        ByteBuffer r = open();
        return r.hasRemaining() ? r.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ByteBuffer r = open();
        if (len == 0) {
            return 0;
        }
        if (!r.hasRemaining()) {
            return -1;
        }
        int n = Math.min(len, r.remaining());
        r.get(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        ByteBuffer r = open();
        int k = (int) Math.max(0, Math.min(n, r.remaining()));
        r.position(r.position() + k);
        return k;
    }

    @Override
    public int available() throws IOException {
        return open().remaining();
    }

    @Override
    public void close() {
        records = null;
    }

    private ByteBuffer open() throws IOException {
        ByteBuffer r = records;
        if (r == null) {
            throw new IOException("kqat batch stream closed");
        }
        return r;
    }
}
