package io.kqat.agent;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.ZstdCodec;
import io.kqat.codec.ZstdMode;
import io.kqat.codec.metrics.ZstdCodecMetrics;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the advice woven into Kafka's zstd codec calls, beside {@link KafkaGzipHook}. Returning null hands the batch
 * back to Kafka's own method body (zstd-jni): when no kqat rung serves the level or decodes, when a batch does not
 * start as zstd (Kafka's decoder then fails it as stock Kafka does), or when anything unexpected happens; each such
 * batch is counted. Only JDK types cross this boundary.
 */
public final class KafkaZstdHook {
    /** Kafka's "no level given" before 3.8: zstd's default, 3. */
    public static final int DEFAULT_KAFKA_LEVEL = ZstdCodec.DEFAULT_LEVEL;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaZstdHook.class);
    private static final AtomicBoolean WARNED_STOCK = new AtomicBoolean();
    private static final LongAdder STOCK_FALLBACKS = new LongAdder();
    private static volatile ZstdCodec codec;
    /** The whole ladder still to start at the first zstd batch, or null. */
    private static volatile ZstdDeviceStart deviceStart;

    private KafkaZstdHook() {
    }

    /**
     * Creates the process-wide zstd codec (probing its rungs once) and registers its MBean, unless zstd.mode is off or
     * no rung is ready: then Kafka's zstd stays stock and nothing is woven.
     *
     * @return whether Kafka's zstd should be hooked
     */
    public static synchronized boolean install(CodecConfig config) {
        return install(config, ZstdCodec::shared, ZstdCodec::sharedUntilFirstBatch);
    }

    /**
     * @param factory         makes the whole ladder
     * @param untilFirstBatch makes the software-only codec that serves until the first zstd batch starts the whole one
     */
    private static synchronized boolean install(CodecConfig config, Function<CodecConfig, ZstdCodec> factory,
                                                Function<CodecConfig, ZstdCodec> untilFirstBatch) {
        if (codec != null) {
            return true;
        }
        if (ZstdMode.of(config) == ZstdMode.OFF) {
            LOG.info("kqat: zstd.mode off, Kafka's zstd is left stock");
            return false;
        }
        ZstdDeviceStart later = ZstdDeviceStart.laterFor(config, KafkaZstdHook::takeOver, factory);
        ZstdCodec created = (later == null ? factory : untilFirstBatch).apply(config);
        if (!created.decodes() && !created.compresses(ZstdCodec.DEFAULT_LEVEL)) {
            LOG.info("kqat: no zstd rung is ready, Kafka's zstd is left stock: {}", created.backends());
            return false;
        }
        serve(created);
        if (later != null) {
            LOG.info("kqat: Kafka zstd's QAT rungs (zstd.mode auto) start at the first zstd batch, off its path");
        }
        deviceStart = later;
        return true;
    }

    /** From now on {@code c} serves, with its beans and its line. */
    static synchronized void serve(ZstdCodec c) {
        ZstdCodecMetrics.register(c, STOCK_FALLBACKS::sum);
        LOG.info("kqat: Kafka zstd goes through kqat, compressing level {} with {}, decompressing with {}",
                ZstdCodec.DEFAULT_LEVEL, c.backendName(ZstdCodec.DEFAULT_LEVEL), c.decompressBackendName());
        codec = c;
    }

    /** The whole ladder, once started, serves instead of the software rungs; its beans count what both served. */
    static synchronized void takeOver(ZstdCodec started) {
        ZstdCodec earlier = codec;
        ZstdCodecMetrics.register(started, earlier, STOCK_FALLBACKS::sum);
        LOG.info("kqat: Kafka zstd's whole ladder started, compressing level {} with {}, decompressing with {}",
                ZstdCodec.DEFAULT_LEVEL, started.backendName(ZstdCodec.DEFAULT_LEVEL), started.decompressBackendName());
        codec = started;
    }

    /** The first zstd batch starts the whole ladder, when that was left for later. */
    private static void firstBatch() {
        ZstdDeviceStart s = deviceStart;
        if (s != null) {
            deviceStart = null;
            s.firstBatch();
        }
    }

    /** The codec serving now (tests). */
    static ZstdCodec current() {
        return codec;
    }

    /** Installs afresh, as at agent start, with codecs from {@code factory} (tests: they restore with {@link #serve}). */
    static synchronized boolean reinstall(CodecConfig config, Function<CodecConfig, ZstdCodec> factory) {
        return reinstall(config, factory, ZstdCodec::createUntilFirstBatch);
    }

    /** The same, with the codec before the first zstd batch from {@code untilFirstBatch}. */
    static synchronized boolean reinstall(CodecConfig config, Function<CodecConfig, ZstdCodec> factory,
                                          Function<CodecConfig, ZstdCodec> untilFirstBatch) {
        codec = null;
        deviceStart = null;
        return install(config, factory, untilFirstBatch);
    }

    /** Replaces the codec the hook uses (tests over chosen rungs); returns the one it had. */
    static synchronized ZstdCodec swap(ZstdCodec replacement) {
        ZstdCodec previous = codec;
        codec = replacement;
        return previous;
    }

    public static boolean installed() {
        return codec != null;
    }

    /** Batches handed back to Kafka's own zstd because kqat could not take them. */
    public static long stockFallbacks() {
        return STOCK_FALLBACKS.sum();
    }

    /** Called on entry of {@code wrapForOutput}: kqat's stream, or null to let Kafka build its own. */
    public static OutputStream wrapForOutput(OutputStream kafkaBuffer, int kafkaLevel) {
        firstBatch();
        ZstdCodec c = codec;
        if (c == null) {
            return null;
        }
        try {
            int level = ZstdCodec.kafkaLevel(kafkaLevel);
            if (!c.compresses(level)) {
                stock("compress", "no kqat rung compresses zstd level " + level, null);
                return null;
            }
            OutputStream stream = c.batchOutputStream(KafkaBufferTarget.of(kafkaBuffer), level);
            OpenBatches.opened(kafkaBuffer, stream);
            return stream;
        } catch (RuntimeException | LinkageError e) {
            stock("compress", e.toString(), e);
            return null;
        }
    }

    /**
     * Called on entry of {@code wrapForInput}: kqat's stream over the batch (a fixed window, whatever it inflates to),
     * or null so Kafka's own decoder handles it. A batch over the bound the operator set is refused, never handed on.
     */
    public static InputStream wrapForInput(ByteBuffer batch) {
        firstBatch();
        ZstdCodec c = codec;
        if (c == null) {
            return null;
        }
        try {
            if (!c.decodes()) {
                stock("decompress", "no kqat rung decodes zstd", null);
                return null;
            }
            InputStream records = c.batchInputStream(batch.duplicate());
            batch.position(batch.limit());
            return records;
        } catch (OutputLimitExceededException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            stock("decompress", e.toString(), e);
            return null;
        }
    }

    private static void stock(String what, String why, Throwable e) {
        STOCK_FALLBACKS.increment();
        if (WARNED_STOCK.compareAndSet(false, true)) {
            LOG.warn("kqat: a batch went to Kafka's own zstd for {} ({}); further cases are counted in the MBean",
                    what, why);
        } else {
            LOG.debug("kqat: batch to Kafka's own zstd for {}: {}", what, why, e);
        }
    }
}
