package io.kqat.codec.backend;

import java.nio.ByteBuffer;

/**
 * One raw-DEFLATE engine (RFC 1951). Gzip framing, CRC policy and fallback live above this interface,
 * so a backend only turns bytes into deflate and back.
 *
 * <p>Buffer contract: every method reads {@code src} from its position to its limit and writes {@code dst}
 * from its position; on return both positions are advanced past what was consumed and produced. Backends
 * whose {@link #requiresDirectBuffers()} is true are only ever given direct buffers. Implementations are
 * thread-safe.
 */
public interface Backend extends AutoCloseable {

    /** Short stable name used in configuration, metrics and logs: {@code qat}, {@code isal}, {@code libdeflate}, {@code jdk}. */
    String name();

    /** Whether this backend can compress at the given Kafka level (1..9). */
    default boolean supportsCompressLevel(int level) {
        return true;
    }

    /** Whether this backend can inflate. */
    default boolean supportsDecompress() {
        return true;
    }

    /** True when the native code needs direct buffers; the caller stages heap buffers. */
    default boolean requiresDirectBuffers() {
        return true;
    }

    /** Upper bound of the raw deflate output for {@code inputLength} bytes at any level. */
    int deflateBound(int inputLength);

    /**
     * Compresses all remaining bytes of {@code src} into one complete raw deflate stream (final block set).
     *
     * @param level Kafka level 1..9, mapped by the backend onto its own scale
     * @return the result; {@link Deflated#crc32()} is {@link Deflated#NO_CRC} unless the backend computed it
     * @throws BackendException if this backend cannot serve the request (the caller falls back)
     */
    Deflated deflate(ByteBuffer src, ByteBuffer dst, int level);

    /**
     * Inflates one raw deflate stream that starts at {@code src.position()}. Bytes after the end of the
     * stream are left unconsumed.
     *
     * @return {@link Inflated#complete()} false when {@code dst} was too small (nothing is consumed or kept
     *         in that case: the caller retries with a larger destination)
     * @throws io.kqat.codec.CorruptGzipException if the data is not valid deflate
     * @throws BackendException if this backend cannot serve the request (the caller falls back)
     */
    Inflated inflate(ByteBuffer src, ByteBuffer dst);

    /** Mode and copy figures for `doctor` and metrics, e.g. {@code zero-copy}. Empty for software. */
    default String detail() {
        return "";
    }

    /**
     * Named counters for tools and metrics, e.g. the bytes a device backend copied between Java memory and device
     * memory ({@code compress.input.copied}, {@code compress.input.bytes}). Empty for software.
     */
    default java.util.Map<String, Long> counters() {
        return java.util.Map.of();
    }

    @Override
    default void close() {
    }

    /** Result of {@link #deflate}. */
    record Deflated(int produced, long crc32) {
        public static final long NO_CRC = -1L;

        public boolean hasCrc() {
            return crc32 != NO_CRC;
        }
    }

    /** Result of {@link #inflate}. */
    record Inflated(boolean complete, int consumed, int produced) {
        public static final Inflated OUTPUT_TOO_SMALL = new Inflated(false, 0, 0);
    }
}
