package io.kqat.agent;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.metrics.CodecMetrics;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the advice woven into Kafka's gzip codec calls. Returning null hands the call back to Kafka's own
 * method body, so anything unexpected here degrades to stock gzip for that batch instead of failing the client.
 *
 * <p>Only JDK types cross this boundary: Kafka's buffer and supplier classes moved packages between releases.
 */
public final class KafkaGzipHook {
    /** Kafka's "no level given": zlib's default, 6. Kafka before 3.8 always compressed at it. */
    public static final int DEFAULT_KAFKA_LEVEL = -1;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaGzipHook.class);
    private static final AtomicBoolean WARNED_STOCK = new AtomicBoolean();
    private static final LongAdder STOCK_FALLBACKS = new LongAdder();
    private static volatile GzipCodec codec;
    private static FirstBatchCodec firstBatch;

    private KafkaGzipHook() {
    }

    /**
     * Makes the process-wide codec, which starts at the first gzip batch ({@link FirstBatchCodec}): nothing is probed,
     * loaded, mapped or started before. Registers the codec's MBean at once (its rungs' when they start). Idempotent.
     */
    public static synchronized GzipCodec install(CodecConfig config) {
        if (codec == null) {
            FirstBatchCodec lazy = new FirstBatchCodec(config, () -> started(config));
            firstBatch = lazy;
            CodecMetrics.register(lazy, STOCK_FALLBACKS::sum, lazy::batchesBeforeStart);
            LOG.info("kqat: Kafka gzip hooked; kqat starts at the first gzip batch, nothing before");
            codec = lazy;
        }
        return codec;
    }

    /** The whole ladder serves: its rungs get their beans, and the start line says who serves and whether QAT does. */
    private static void started(CodecConfig config) {
        FirstBatchCodec lazy = firstBatch;
        CodecMetrics.register(lazy, STOCK_FALLBACKS::sum, lazy::batchesBeforeStart);
        LOG.info("kqat: Kafka gzip goes through kqat, compressing with {}, decompressing with {}; {}",
                lazy.backendName(), lazy.decompressBackendName(), StartLine.qat(lazy.backends()));
    }

    /** The installed codec with its whole ladder started now, waiting for a start under way (benchmarks, tests). */
    public static synchronized GzipCodec startNow() {
        if (firstBatch == null) {
            throw new IllegalStateException("the hook is not installed");
        }
        return firstBatch.whole();
    }

    /** Replaces the codec the hook uses (tests that need a codec over chosen backends); returns the one it had. */
    static synchronized GzipCodec swap(GzipCodec replacement) {
        GzipCodec previous = codec;
        codec = replacement;
        return previous;
    }

    public static boolean installed() {
        return codec != null;
    }

    /** Batches handed back to Kafka's stock gzip because kqat could not take them. */
    public static long stockFallbacks() {
        return STOCK_FALLBACKS.sum();
    }

    /** Called on entry of {@code wrapForOutput}: kqat's stream, or null to let Kafka build its own. */
    public static OutputStream wrapForOutput(OutputStream kafkaBuffer, int kafkaLevel) {
        GzipCodec c = codec;
        if (c == null) {
            return null;
        }
        try {
            OutputStream stream = c.batchOutputStream(KafkaBufferTarget.of(kafkaBuffer), CodecConfig.kafkaLevel(kafkaLevel));
            OpenBatches.opened(kafkaBuffer, stream);
            return stream;
        } catch (RuntimeException | LinkageError e) {
            stock("compress", e);
            return null;
        }
    }

    /**
     * Called on entry of {@code MemoryRecordsBuilder.abort()}: the batch is being thrown away, so kqat's stream for it
     * is ended without compressing anything (Kafka closes it right after, which then does nothing).
     */
    public static void abort(Object kafkaBuffer) {
        GzipCodec.discard(OpenBatches.take(kafkaBuffer));
    }

    /**
     * Called on entry of {@code wrapForInput}: kqat's stream over the batch (inflated whole when small, through a fixed
     * window when large, so no batch takes memory in proportion to what it inflates to), or null so Kafka's own decoder
     * handles it: for a batch kqat rejects at its start, which then fails with exactly the error stock Kafka gives.
     * A batch over the bound the operator set ({@code max.decompressed.bytes}) is refused, never handed to stock gzip,
     * which has no bound.
     */
    public static InputStream wrapForInput(ByteBuffer batch) {
        GzipCodec c = codec;
        if (c == null) {
            return null;
        }
        ByteBuffer view = batch.duplicate();
        try {
            InputStream records = c.batchInputStream(view);
            batch.position(batch.limit());
            return records;
        } catch (OutputLimitExceededException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            stock("decompress", e);
            return null;
        }
    }

    private static void stock(String what, Throwable e) {
        STOCK_FALLBACKS.increment();
        if (WARNED_STOCK.compareAndSet(false, true)) {
            LOG.warn("kqat: a batch went to Kafka's stock gzip for {} ({}); further cases are counted in the MBean",
                    what, e.toString());
        } else {
            LOG.debug("kqat: batch to stock gzip for {}", what, e);
        }
    }
}
