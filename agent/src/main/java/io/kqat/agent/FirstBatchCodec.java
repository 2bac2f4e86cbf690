package io.kqat.agent;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.BufferLease;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.CodecCounters;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatException;
import io.kqat.codec.Mode;
import io.kqat.codec.StatsSnapshot;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hook's codec, started by the first gzip batch (either way) and not before: a JVM that shares the broker's
 * {@code KAFKA_OPTS} but never touches gzip ({@code kafka-topics.sh}, say) loads no native library, maps nothing and
 * starts no QAT process, so it takes no VF or instance from the broker. With {@code mode=auto} and no backend forced,
 * the device starts on a thread of its own ({@code kqat-start}) while the first batches go to kqat's software rungs
 * (the same ladder without the device, started in the caller: no native process, no mapping), counted; the hook then
 * moves to the whole ladder. Any other setting starts in the first batch's thread: {@code mode=qat} or a forced
 * backend wants exactly that backend, and {@code software} or {@code jdk} start in milliseconds. Reading the
 * counters (JMX) starts nothing.
 */
final class FirstBatchCodec implements GzipCodec {
    private static final Logger LOG = LoggerFactory.getLogger(FirstBatchCodec.class);
    static final String NOT_STARTED = "none yet (kqat starts at the first gzip batch)";

    private final CodecConfig config;
    private final Runnable onStart;
    private volatile GzipCodec serving;
    private volatile GzipCodec interim;
    private volatile boolean complete;
    /** Why the last start in a batch's thread failed (null: none failed), and when the next may be made. */
    private String failedStart;
    private long nextAttempt;
    /** How long batches go to Kafka's stock gzip after a start failed, before a batch starts kqat again. */
    static final long RETRY_NANOS = 60_000_000_000L;

    /** @param onStart run once the whole ladder serves (the hook registers its rungs' beans and logs its line) */
    FirstBatchCodec(CodecConfig config, Runnable onStart) {
        this.config = config;
        this.onStart = onStart;
    }

    /** True when the device may start: it then starts off the first batch's path. */
    private boolean startsInBackground() {
        return config.mode() == Mode.AUTO && config.backend() == null;
    }

    /** The codec serving now, starting one at the first call. */
    GzipCodec serving() {
        GzipCodec c = serving;
        return c != null ? c : start();
    }

    /** The whole ladder, waiting for its start if it is still under way (benchmarks and tests). */
    GzipCodec whole() {
        serving();
        synchronized (this) {
            while (!complete) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for kqat to start", e);
                }
            }
        }
        return serving;
    }

    private synchronized GzipCodec start() {
        if (serving != null) {
            return serving;
        }
        if (!startsInBackground()) {
            return startInCaller();
        }
        interim = GzipCodec.shared(config.toBuilder().mode(Mode.SOFTWARE).build());
        serving = interim;
        Thread t = new Thread(this::startWhole, "kqat-start");
        t.setDaemon(true);
        t.start();
        return interim;
    }

    /**
     * Starts the whole ladder in the batch's thread. A start that fails is not tried again by the batches right
     * after it (each attempt starts qatlib, maps the region and runs the self test): they fail at once, so the hook
     * sends them to Kafka's stock gzip, until {@link #RETRY_NANOS} have passed.
     */
    private GzipCodec startInCaller() {
        long now = System.nanoTime();
        if (failedStart != null && now - nextAttempt < 0) {
            throw new KqatException("kqat did not start (" + failedStart + "); next attempt in "
                    + Math.max(1, (nextAttempt - now) / 1_000_000_000L) + " s");
        }
        try {
            finish(GzipCodec.shared(config));
            failedStart = null;
            return serving;
        } catch (RuntimeException | LinkageError e) {
            failedStart = e.toString();
            nextAttempt = now + RETRY_NANOS;
            LOG.warn("kqat: did not start ({}); batches go to Kafka's stock gzip, next attempt in {} s", e.toString(),
                    RETRY_NANOS / 1_000_000_000L);
            throw e;
        }
    }

    private void startWhole() {
        long t0 = System.nanoTime();
        GzipCodec whole;
        try {
            whole = GzipCodec.shared(config);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("kqat: the full ladder did not start ({}); kqat's software rungs keep serving", e.toString());
            whole = interim;
        }
        finish(whole);
        LOG.info("kqat: started in the background in {} ms; {} batch(es) went to kqat's software rungs meanwhile",
                (System.nanoTime() - t0) / 1_000_000, batchesBeforeStart());
    }

    private synchronized void finish(GzipCodec whole) {
        serving = whole;
        complete = true;
        notifyAll();
        onStart.run();
    }

    /** Batches the software rungs served while the device started (0 when nothing started in the background). */
    long batchesBeforeStart() {
        GzipCodec i = interim;
        if (i == null) {
            return 0;
        }
        StatsSnapshot t = i.totals();
        return t.getCompressBatches() + t.getDecompressBatches();
    }

    @Override
    public CodecConfig config() {
        return config;
    }

    @Override
    public String backendName() {
        GzipCodec c = serving;
        return c == null ? NOT_STARTED : c.backendName();
    }

    @Override
    public String decompressBackendName() {
        GzipCodec c = serving;
        return c == null ? NOT_STARTED : c.decompressBackendName();
    }

    @Override
    public List<BackendStatus> backends() {
        GzipCodec c = serving;
        return c == null ? Collections.emptyList() : c.backends();
    }

    @Override
    public String routes() {
        GzipCodec c = serving;
        return c == null ? NOT_STARTED : c.routes();
    }

    /** Every batch kqat served, the software rungs' while the device started included. */
    @Override
    public StatsSnapshot totals() {
        GzipCodec c = serving;
        GzipCodec i = interim;
        StatsSnapshot t = c == null ? StatsSnapshot.ZERO : c.totals();
        return i != null && i != c ? t.plus(i.totals()) : t;
    }

    /** The serving codec's counters and the interim one's, summed (as {@link #totals()}). */
    @Override
    public CodecCounters counters() {
        GzipCodec c = serving;
        GzipCodec i = interim;
        CodecCounters a = c == null ? null : c.counters();
        CodecCounters b = i != null && i != c ? i.counters() : null;
        return new CodecCounters() {
            private long sum(java.util.function.ToLongFunction<CodecCounters> f) {
                return (a == null ? 0 : f.applyAsLong(a)) + (b == null ? 0 : f.applyAsLong(b));
            }

            @Override
            public long batchBytesMoved() {
                return sum(CodecCounters::batchBytesMoved);
            }

            @Override
            public long lastResortBatches() {
                return sum(CodecCounters::lastResortBatches);
            }

            @Override
            public long targetBytesCopied() {
                return sum(CodecCounters::targetBytesCopied);
            }

            @Override
            public long readerBytesCopied() {
                return sum(CodecCounters::readerBytesCopied);
            }
        };
    }

    @Override
    public int maxCompressedLength(int inputLength) {
        return serving().maxCompressedLength(inputLength);
    }

    @Override
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        return serving().compress(src, dst, level);
    }

    @Override
    public ByteBuffer decompress(ByteBuffer src, long maxOutput) {
        return serving().decompress(src, maxOutput);
    }

    @Override
    public OutputStream outputStream(OutputStream out, int memberBytes) {
        return serving().outputStream(out, memberBytes);
    }

    @Override
    public OutputStream outputStream(OutputStream out, int memberBytes, int threads) {
        return serving().outputStream(out, memberBytes, threads);
    }

    @Override
    public OutputStream batchOutputStream(OutputStream out, int level) {
        return serving().batchOutputStream(out, level);
    }

    @Override
    public InputStream inputStream(InputStream in, long maxOutput) {
        return serving().inputStream(in, maxOutput);
    }

    @Override
    public InputStream batchInputStream(ByteBuffer src) {
        return serving().batchInputStream(src);
    }

    @Override
    public BufferLease acquireBatchBuffer(int minCapacity) {
        return serving().acquireBatchBuffer(minCapacity);
    }

    /** The codecs it started are process-wide ({@link GzipCodec#shared}), closed at JVM exit. */
    @Override
    public void close() {
    }
}
