package io.kqat.codec;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Standard zstd (RFC 8878) in and out, beside {@link GzipCodec}: each compression writes standard frames any zstd
 * decoder reads (Kafka's zstd-jni, librdkafka); decoding accepts any sequence of frames and skippable frames, with
 * memory that never grows with what a batch inflates to. It has its own fallback ladder of zstd rungs (libzstd now,
 * QAT LZ4s and native QAT zstd later) and the same guarantees as gzip's: a request a rung cannot serve goes to the next
 * rung; when none can, a batch is written as stored (raw) zstd blocks, so no batch is refused. Levels are Kafka's
 * {@code compression.zstd.level}. Thread-safe; create one per process and share it ({@link #shared}).
 */
public interface ZstdCodec extends AutoCloseable {
    /** zstd's and Kafka's level range: {@code ZSTD_minCLevel()} (1.4+) to {@code ZSTD_maxCLevel()}. */
    int MIN_LEVEL = -131072;
    int MAX_LEVEL = 22;
    /** Kafka's default for compression.zstd.level, and zstd's: what Kafka before 3.8 always used. */
    int DEFAULT_LEVEL = 3;
    /** What {@link #backendName} says when no rung of kqat serves: the caller keeps its own zstd (Kafka's zstd-jni). */
    String STOCK = "stock";

    static ZstdCodec create(CodecConfig config) {
        return ZstdCodecFactory.installed().create(Objects.requireNonNull(config, "config"));
    }

    /** The software rungs of this config, its QAT rungs left to start at the first zstd batch (the agent's hook). */
    static ZstdCodec createUntilFirstBatch(CodecConfig config) {
        return ZstdCodecFactory.installed().createUntilFirstBatch(Objects.requireNonNull(config, "config"));
    }

    /** {@link #createUntilFirstBatch}, process-wide: created on first use and closed at JVM exit. */
    static ZstdCodec sharedUntilFirstBatch(CodecConfig config) {
        return SharedZstdCodecs.untilFirstBatch(config);
    }

    /** The process-wide zstd codec for this config, created on first use and closed at JVM exit. */
    static ZstdCodec shared(CodecConfig config) {
        return SharedZstdCodecs.get(config);
    }

    /**
     * Kafka's level to the level kqat works at: 0 is zstd's "default" (3), as zstd itself reads it.
     *
     * @throws IllegalArgumentException outside {@link #MIN_LEVEL}..{@link #MAX_LEVEL}, as Kafka's own validation
     */
    static int kafkaLevel(int level) {
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw new IllegalArgumentException("zstd level must be " + MIN_LEVEL + ".." + MAX_LEVEL + ", got " + level);
        }
        return level == 0 ? DEFAULT_LEVEL : level;
    }

    CodecConfig config();

    /** Whether a rung of kqat compresses at this level; when false the caller keeps its own zstd for it. */
    boolean compresses(int level);

    /** Whether a rung of kqat decodes; when false the caller keeps its own zstd decoder. */
    boolean decodes();

    /** The rung that compresses at this level while nothing fails, or {@link #STOCK}. */
    String backendName(int level);

    /** The rung that decodes while nothing fails, or {@link #STOCK}. */
    String decompressBackendName();

    /** Every rung, ready or skipped with its reason, best first, with its counters now. */
    List<BackendStatus> backends();

    /** Who serves what: {@code level -131072..22: libzstd; decompress: libzstd}. */
    String routes();

    /** The counters summed over every rung. */
    StatsSnapshot totals();

    /**
     * What the codec's streams counted beyond the rungs' counters: bytes moved when a batch outgrew its memory, and
     * batches written as stored (raw) zstd blocks because every compressing rung failed.
     */
    CodecCounters counters();

    /** Worst-case size of what {@link #compress} writes for {@code inputLength} bytes. */
    int maxCompressedLength(int inputLength);

    /**
     * Compresses src's remaining bytes into dst at its position, as standard zstd frames; both positions advance.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException when dst has less than {@link #maxCompressedLength} remaining
     */
    int compress(ByteBuffer src, ByteBuffer dst, int level);

    default byte[] compress(byte[] src, int level) {
        ByteBuffer out = ByteBuffer.allocate(maxCompressedLength(src.length));
        compress(ByteBuffer.wrap(src), out, level);
        byte[] result = new byte[out.position()];
        out.flip().get(result);
        return result;
    }

    /**
     * Decodes all of src's remaining bytes (every frame) into a new heap buffer; src's position advances to its limit.
     *
     * @throws CorruptZstdException for invalid, truncated or trailing non-zstd input
     * @throws OutputLimitExceededException beyond {@code maxOutput} bytes, all frames together
     */
    ByteBuffer decompress(ByteBuffer src, long maxOutput);

    default byte[] decompress(byte[] src) {
        ByteBuffer out = decompress(ByteBuffer.wrap(src), config().maxDecompressedBytes());
        byte[] result = new byte[out.remaining()];
        out.get(result);
        return result;
    }

    /**
     * A stream for one record batch: what is written is kept in native memory and becomes zstd in {@code out} at
     * close (straight into its buffer when {@code out} is a {@link DirectTarget}). {@link GzipCodec#discard} ends it
     * without compressing.
     */
    OutputStream batchOutputStream(OutputStream out, int level);

    /**
     * The records of one zstd batch as a stream (src's position advances to its limit), decoded through a fixed output
     * window; bounded by {@link CodecConfig#maxBatchDecompressedBytes()}.
     *
     * @throws CorruptZstdException when the batch does not start as valid zstd (later faults surface as IOExceptions)
     */
    InputStream batchInputStream(ByteBuffer src);

    @Override
    void close();
}
