package io.kqat.codec.ladder;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.StatsSnapshot;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.InflateRestart;
import io.kqat.codec.spi.InflateStream;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Piece-by-piece inflation through the decompression route, with the ladder's rules: each member goes to the first
 * rung that inflates piece by piece, works on the caller's buffers in place and whose breaker allows it (the last rung
 * always serves). A rung that fails in the middle of a member (anything but corrupt input) is charged as any failed
 * request, the member passes to the next rung, and the caller is told to give the member again from its start
 * ({@link InflateRestart}): no rung can resume another's state. Bytes, members and time are counted on the rung that
 * did the work.
 */
final class LadderInflateStream implements InflateStream {
    private static final Logger LOG = LoggerFactory.getLogger(LadderInflateStream.class);

    private final List<Rung> route;
    /** Each rung's inflater, opened when the rung first serves. */
    private final InflateStream[] streams;
    /** Rungs known to offer no piece-by-piece inflater. */
    private final boolean[] none;
    /** The rung serving the current member; -1 until its first piece. */
    private int current = -1;
    private long nanos;

    LadderInflateStream(List<Rung> route) {
        this.route = route;
        this.streams = new InflateStream[route.size()];
        this.none = new boolean[route.size()];
    }

    @Override
    public void reset() {
        if (current >= 0) {
            streams[current].reset();
        }
        current = -1;
        nanos = 0;
    }

    @Override
    public boolean inflate(ByteBuffer src, ByteBuffer dst) {
        if (current < 0) {
            current = choose(0, src, dst);
        }
        Rung rung = route.get(current);
        int in = src.position();
        int out = dst.position();
        long start = System.nanoTime();
        boolean end;
        try {
            end = streams[current].inflate(src, dst);
        } catch (CorruptGzipException | OutputLimitExceededException e) {
            throw e; // the input's fault: no rung would do better
        } catch (RuntimeException | Error e) {
            throw failed(rung, e, src, dst);
        }
        nanos += System.nanoTime() - start;
        RungStats stats = rung.stats();
        stats.add(StatsSnapshot.Field.DECOMPRESS_BYTES_IN, src.position() - in);
        stats.add(StatsSnapshot.Field.DECOMPRESS_BYTES_OUT, dst.position() - out);
        if (end) {
            rung.breaker(false).recordSuccess();
            stats.add(StatsSnapshot.Field.DECOMPRESS_BATCHES, 1);
            stats.add(StatsSnapshot.Field.DECOMPRESS_NANOS, nanos);
            nanos = 0;
        }
        return end;
    }

    /** Charges the failure to the rung and hands the member to the next one; rethrows it when there is none. */
    private RuntimeException failed(Rung rung, Throwable e, ByteBuffer src, ByteBuffer dst) {
        int next = next(current + 1, src, dst);
        if (next < 0) {
            throwUnchecked(e); // the last rung: nothing would do better
        }
        boolean declined = e instanceof BackendException && !((BackendException) e).deviceFault();
        if (declined) {
            LOG.debug("kqat: {} declined a member mid-stream, the next rung redoes it: {}", rung.name(), e.toString());
        } else {
            LOG.warn("kqat: backend {} failed in the middle of a member ({}); the member is redone on the next rung",
                    rung.name(), e.toString());
            BackendLadder.failed(rung, rung.breaker(false), e);
        }
        rung.stats().add(StatsSnapshot.Field.FALLBACKS, 1);
        streams[current].close(); // its state is unknown now
        streams[current] = null;
        current = next;
        streams[current].reset();
        nanos = 0;
        return new InflateRestart(rung.name(), e);
    }

    /** The first rung from {@code from} that may take a member in these buffers. */
    private int choose(int from, ByteBuffer src, ByteBuffer dst) {
        int i = next(from, src, dst);
        if (i < 0) {
            throw new IllegalStateException("no rung of " + route + " inflates piece by piece in these buffers");
        }
        return i;
    }

    private int next(int from, ByteBuffer src, ByteBuffer dst) {
        for (int i = from; i < route.size(); i++) {
            Rung r = route.get(i);
            StagingMemory memory = r.backend().staging();
            if (none[i] || !memory.readsInPlace(src) || !memory.writesInPlace(dst)) {
                continue;
            }
            if (i < route.size() - 1 && !r.breaker(false).allowRequest()) {
                r.stats().add(StatsSnapshot.Field.FALLBACKS, 1);
                continue;
            }
            if (streams[i] == null) {
                try {
                    streams[i] = r.backend().newInflateStream();
                } catch (BackendException e) {
                    LOG.debug("kqat: {} has no inflater for this member: {}", r.name(), e.getMessage());
                    continue; // no memory for its state now, say: the next rung takes the member
                }
                if (streams[i] == null) {
                    none[i] = true;
                    continue;
                }
            }
            return i;
        }
        return -1;
    }

    private static void throwUnchecked(Throwable e) {
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        throw (Error) e;
    }

    @Override
    public void close() {
        for (int i = 0; i < streams.length; i++) {
            if (streams[i] != null) {
                streams[i].close();
                streams[i] = null;
            }
        }
    }
}
