package io.kqat.codec.gzip;

import io.kqat.codec.BufferLease;
import io.kqat.codec.spi.CopyCounter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * The compressed bytes a streaming decoder works on: the unconsumed part of what was read so far, in one window.
 * Either a buffer already in memory (a Kafka batch), or a fixed-size window over a stream that is refilled as the
 * decoder consumes it, so memory stays the window's whatever the stream's length.
 */
public abstract class CompressedInput implements AutoCloseable {

    /** The unconsumed bytes read so far: position is the next byte to decode, limit the end of what was read. */
    public abstract ByteBuffer window();

    /**
     * Reads more after the window's limit, moving the unconsumed bytes to the window's front first when that makes
     * room. False when nothing more was read: the input has ended, or the window is full of unconsumed bytes.
     */
    public abstract boolean fill() throws IOException;

    /** True when no byte beyond the window will ever come. */
    public abstract boolean atEnd();

    /**
     * Remembers the window's position (a member's first deflate byte) so the bytes from there can be given again:
     * {@link #fill} keeps them in the window while it can, and drops the mark only when the window is full of bytes
     * after it and more are needed.
     */
    public abstract void mark();

    /** Forgets the mark: the bytes before the position may go. */
    public abstract void unmark();

    /** Moves the position back to the mark; false when there is none (never set, or dropped to make room). */
    public abstract boolean rewind();

    @Override
    public abstract void close();

    /**
     * A buffer already in memory: the decoder reads its remaining bytes. When {@code copy} is given (a backend that
     * reads only such memory), the bytes are copied into it once, counted as one copy; when it is null they are read
     * where they are.
     */
    public static CompressedInput of(ByteBuffer data, BufferLease copy, CopyCounter copies) {
        ByteBuffer window;
        if (copy == null) {
            window = data.duplicate();
        } else {
            window = copy.buffer();
            window.clear().put(data.duplicate()).flip();
            copies.copiedIn(window.remaining());
        }
        return new InMemory(window, copy);
    }

    /**
     * A window over a stream, in {@code windowMemory} (its whole capacity is used). What is read from the stream is
     * copied into the window, and what is kept when the window is refilled is moved to its front: both are counted.
     */
    public static CompressedInput of(InputStream in, BufferLease windowMemory, CopyCounter copies) {
        return new Streamed(in, windowMemory, copies);
    }

    /** The same, its copies not counted. */
    public static CompressedInput of(InputStream in, BufferLease windowMemory) {
        return of(in, windowMemory, CopyCounter.NONE);
    }

    private static final class InMemory extends CompressedInput {
        private final ByteBuffer window;
        private final BufferLease lease;
        private int mark = -1;

        InMemory(ByteBuffer window, BufferLease lease) {
            this.window = window;
            this.lease = lease;
        }

        @Override
        public ByteBuffer window() {
            return window;
        }

        @Override
        public boolean fill() {
            return false;
        }

        @Override
        public boolean atEnd() {
            return true;
        }

        @Override
        public void mark() {
            mark = window.position();
        }

        @Override
        public void unmark() {
            mark = -1;
        }

        @Override
        public boolean rewind() {
            if (mark < 0) {
                return false;
            }
            window.position(mark);
            return true;
        }

        @Override
        public void close() {
            if (lease != null) {
                lease.close();
            }
        }
    }

    private static final class Streamed extends CompressedInput {
        private static final int TRANSFER = 64 << 10;
        /**
         * The heap array a stream's bytes pass through on their way into the native window (an InputStream reads only
         * into arrays): one per thread, taken for the length of one read, so a stream opened per batch or per file
         * allocates none; a read nested in another on the same thread (a stream over a stream) takes its own.
         */
        private static final ThreadLocal<byte[]> TRANSFER_ARRAY = new ThreadLocal<>();
        private final InputStream in;
        private final BufferLease lease;
        private final ByteBuffer window;
        private final CopyCounter copies;
        private boolean ended;
        /** The stream offset of the window's first byte. */
        private long base;
        /** The stream offset of the mark, or -1. */
        private long mark = -1;

        Streamed(InputStream in, BufferLease lease, CopyCounter copies) {
            this.in = in;
            this.copies = copies;
            this.lease = lease;
            this.window = lease.buffer();
            window.clear().flip(); // empty: position 0, limit 0
        }

        @Override
        public ByteBuffer window() {
            return window;
        }

        @Override
        public boolean fill() throws IOException {
            if (ended) {
                return false;
            }
            if (window.limit() == window.capacity() && !makeRoom()) {
                return false; // full of bytes still to decode
            }
            if (!append()) {
                ended = true;
                return false;
            }
            // Then whatever the stream already has, without blocking: members whose body fits the window are then
            // inflated whole at the first try instead of being cut at every 64 KiB read.
            while (window.limit() < window.capacity() && in.available() > 0) {
                if (!append()) {
                    ended = true;
                    break;
                }
            }
            return true;
        }

        /** One read after the window's limit; false at the end of the stream. */
        private boolean append() throws IOException {
            int room = window.capacity() - window.limit();
            byte[] transfer = TRANSFER_ARRAY.get();
            if (transfer == null) {
                transfer = new byte[TRANSFER];
            } else {
                TRANSFER_ARRAY.set(null);
            }
            try {
                int n = in.read(transfer, 0, Math.min(room, transfer.length));
                if (n < 0) {
                    return false;
                }
                int p = window.position();
                window.position(window.limit()).limit(window.limit() + n);
                window.put(transfer, 0, n).position(p);
                copies.copiedIn(n);
                return true;
            } finally {
                TRANSFER_ARRAY.set(transfer);
            }
        }

        /** Moves the bytes still needed (from the mark, else from the position) to the window's front. */
        private boolean makeRoom() {
            int keep = mark >= 0 ? (int) Math.min(window.position(), mark - base) : window.position();
            if (keep == 0 && mark >= 0) {
                mark = -1; // the window holds nothing before the mark: the member is larger than the window
                keep = window.position();
            }
            if (keep == 0) {
                return false;
            }
            int position = window.position() - keep;
            int limit = window.limit() - keep;
            window.position(keep);
            copies.copiedIn(window.remaining());
            window.compact();
            window.limit(limit).position(position);
            base += keep;
            return true;
        }

        @Override
        public boolean atEnd() {
            return ended;
        }

        @Override
        public void mark() {
            mark = base + window.position();
        }

        @Override
        public void unmark() {
            mark = -1;
        }

        @Override
        public boolean rewind() {
            if (mark < 0) {
                return false;
            }
            window.position((int) (mark - base));
            return true;
        }

        @Override
        public void close() {
            lease.close();
        }
    }
}
