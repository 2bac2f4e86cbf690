package io.kqat.codec.engine;

import io.kqat.codec.BufferLease;
import io.kqat.codec.KqatException;
import io.kqat.codec.gzip.BodyInflater;
import io.kqat.codec.gzip.CompressedInput;
import io.kqat.codec.gzip.GzipFormat;
import io.kqat.codec.gzip.GzipMembers;
import io.kqat.codec.gzip.GzipStreamDecoder;
import io.kqat.codec.ladder.BackendLadder;
import io.kqat.codec.nativeio.BufferPool;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.CopyCounter;
import io.kqat.codec.spi.InflateStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Builds streaming decoders with their windows: for a stream of any length (a file, a Connect record), and for one
 * Kafka batch already in memory. Window memory comes from one bounded pool, so steady reading allocates nothing and
 * memory never grows with a member's size or ratio.
 */
final class Decoders {
    /** Input and output windows of a stream: large enough that members of a few MiB decode in one call. */
    static final int STREAM_WINDOW = 4 << 20;
    /** The largest output a batch is inflated into in one call; larger batches are read through a window. */
    static final int BATCH_WHOLE_MAX = 4 << 20;
    /** The window a large batch is read through. */
    static final int BATCH_WINDOW = 256 << 10;
    static final int MIN_WINDOW = 64 << 10;
    /**
     * A batch's ISIZE buys it a window of that size only up to this ratio to its compressed size: deflate can reach
     * 1032:1, but only on data such as zeros, which reads as well through a window; a claim beyond is read piece by
     * piece, so a 4 KiB batch saying 4 MiB (forged or not) gets 128 KiB.
     */
    static final int WINDOW_RATIO = 32;
    static final int PLAUSIBLE_RATIO = 16;
    /** How long a decoder waits for the smallest window when the native memory bound is reached, before the heap. */
    static final long WINDOW_WAIT_NANOS = 200_000_000L;

    private final BackendLadder ladder;
    private final BufferPool pool;
    private final BodyInflater inflater;
    private final EngineCounters counters;

    Decoders(BackendLadder ladder, BufferPool pool) {
        this(ladder, pool, new EngineCounters());
    }

    Decoders(BackendLadder ladder, BufferPool pool, EngineCounters counters) {
        this.ladder = ladder;
        this.pool = pool;
        this.inflater = new LadderInflater();
        this.counters = counters;
    }

    /**
     * Every member of {@code src} inflated into one new heap buffer (position 0, limit its length), bounded. The result
     * starts at a size the trailer makes plausible (a hint from the wire: at most 16 times the input, or 1 MiB) and
     * grows by doubling, so a forged size cannot make a thread allocate the whole bound up front.
     */
    ByteBuffer whole(ByteBuffer src, long maxOutput) {
        if (maxOutput <= 0) {
            throw new IllegalArgumentException("maxOutput must be positive");
        }
        int limit = (int) Math.min(maxOutput, Integer.MAX_VALUE - 8);
        long plausible = Math.max(1L << 20, (long) src.remaining() * PLAUSIBLE_RATIO);
        long hint = Math.min(GzipFormat.lastMemberSizeHint(src), plausible);
        ByteBuffer result = ByteBuffer.allocate((int) Math.min(limit, Math.max(64, hint + (hint >> 4))));
        try (GzipStreamDecoder d = batch(src, limit, STREAM_WINDOW)) {
            ByteBuffer w;
            while ((w = d.next()) != null) {
                if (result.remaining() < w.remaining()) {
                    long need = (long) result.position() + w.remaining();
                    counters.addReaderBytesCopied(result.position());
                    result = ByteBuffer.allocate((int) Math.min(limit, Math.max(need, 2L * result.capacity())))
                            .put(result.flip());
                }
                counters.addReaderBytesCopied(w.remaining());
                result.put(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory input: only kqat's own exceptions can come
        }
        src.position(src.limit());
        return result.flip();
    }

    /** Any gzip from {@code in} (closed with the stream returned), with fixed memory. */
    InputStream stream(InputStream in, long maxOutput) {
        return new GunzipInputStream(streamDecoder(in, maxOutput), in, counters);
    }

    /** One batch's records, bounded by {@code maxOutput}; a batch that does not start as valid gzip is refused now. */
    InputStream batchStream(ByteBuffer src, long maxOutput) {
        GunzipInputStream in = new GunzipInputStream(batch(src, maxOutput, BATCH_WINDOW), null, counters);
        try {
            in.open();
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing was read from it
            }
            throw e.getCause() instanceof KqatException ? (KqatException) e.getCause() : new UncheckedIOException(e);
        }
        src.position(src.limit());
        return in;
    }

    private GzipStreamDecoder streamDecoder(InputStream in, long maxOutput) {
        BufferLease window = window(STREAM_WINDOW);
        BufferLease out = null;
        try {
            out = window(STREAM_WINDOW);
            return new GzipStreamDecoder(CompressedInput.of(in, window, ladder.decompressCopies()), inflater, out,
                    maxOutput);
        } catch (RuntimeException | Error e) {
            window.close();
            if (out != null) {
                out.close();
            }
            throw e;
        }
    }

    /**
     * A decoder over one batch. Its output window fits the whole batch when the trailer's size says it is small
     * enough and plausible (a hint from the wire, so only ever a window size), and a window of at most
     * {@code largeWindow} otherwise.
     */
    private GzipStreamDecoder batch(ByteBuffer batch, long maxOutput, int largeWindow) {
        long hint = GzipFormat.lastMemberSizeHint(batch);
        long plausible = Math.max(MIN_WINDOW, (long) batch.remaining() * WINDOW_RATIO);
        int window = hint > 0 && hint <= BATCH_WHOLE_MAX && hint <= plausible ? Math.max(MIN_WINDOW, (int) hint)
                : (int) Math.min(largeWindow, plausible);
        BufferLease copy = null;
        BufferLease out = null;
        try {
            if (!batch.isDirect()) {
                // Native inflaters read native memory only; at the bound the JDK's inflater reads the heap in place.
                copy = pool.tryLease(batch.remaining());
            }
            out = window(window);
            CopyCounter copies = ladder.decompressCopies();
            return new GzipStreamDecoder(CompressedInput.of(batch, copy, copies), inflater, out, maxOutput);
        } catch (RuntimeException | Error e) {
            if (copy != null) {
                copy.close();
            }
            if (out != null) {
                out.close();
            }
            throw e;
        }
    }

    /**
     * A window of {@code wanted} bytes within the native memory bound; at the bound the smallest window (read piece by
     * piece), waiting a little for one; then the heap, where the JDK's inflater works.
     */
    private BufferLease window(int wanted) {
        BufferLease lease = pool.tryLease(wanted);
        if (lease == null && wanted > MIN_WINDOW) {
            lease = pool.tryLease(MIN_WINDOW);
        }
        if (lease == null) {
            lease = pool.lease(MIN_WINDOW, WINDOW_WAIT_NANOS);
        }
        return lease != null ? lease : BufferLease.of(ByteBuffer.allocate(MIN_WINDOW));
    }

    /** Whole bodies through the ladder's in-place rungs, pieces through its best streaming inflater. */
    private final class LadderInflater implements BodyInflater {
        @Override
        public Backend.Inflated whole(ByteBuffer src, ByteBuffer dst, boolean mayBeCut) {
            return ladder.inflateWhole(mayBeCut, (backend, copies) -> GzipMembers.inflateBody(backend, src, dst, copies));
        }

        @Override
        public InflateStream pieces() {
            return ladder.openInflateStream();
        }
    }
}
