package io.kqat.codec;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * The public face of kqat: standard gzip (RFC 1952) in and out, through the best backend this machine has.
 * Every compress call writes exactly one gzip member; decompress accepts any valid gzip (several members, optional
 * header fields, zero padding after the last member) and never produces more than the configured bound. Thread-safe;
 * create one per process and share it ({@link #shared}).
 */
public interface GzipCodec extends AutoCloseable {
    /** Bytes per member of {@link #outputStream(OutputStream)}. */
    int DEFAULT_MEMBER_BYTES = 1 << 20;

    /** Probes the machine and builds the ladder the config allows. */
    static GzipCodec create(CodecConfig config) {
        return CodecFactory.installed().create(Objects.requireNonNull(config, "config"));
    }

    /**
     * The process-wide codec for this config, created on first use and closed at JVM exit. Hooks and transforms share
     * codecs this way so the device region is mapped once per process, not once per client or task.
     */
    static GzipCodec shared(CodecConfig config) {
        return SharedCodecs.get(config);
    }

    /**
     * Ends a stream of {@link #batchOutputStream} without writing anything (an aborted batch): its memory goes back and
     * nothing is compressed.
     *
     * @return false when {@code stream} is not one of kqat's batch streams
     */
    static boolean discard(OutputStream stream) {
        if (stream instanceof BatchStream) {
            ((BatchStream) stream).discard();
            return true;
        }
        return false;
    }

    CodecConfig config();

    /** Name of the backend that compresses at the configured level while nothing fails. */
    String backendName();

    /** Name of the backend that decompresses while nothing fails. */
    String decompressBackendName();

    /** Every rung, ready or skipped with its reason, best first, with its counters now. */
    List<BackendStatus> backends();

    /** One rung by name, or null when the ladder has none of that name. */
    default BackendStatus backend(String name) {
        for (BackendStatus s : backends()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** Who serves what: {@code level 1-2: qat > isal > libdeflate > jdk; ...; decompress: qat > isal > jdk}. */
    String routes();

    /** The counters summed over every rung. */
    StatsSnapshot totals();

    /** What the codec's streams counted beyond the rungs' counters. */
    CodecCounters counters();

    /** Worst-case size of the gzip member {@link #compress} writes for {@code inputLength} bytes. */
    int maxCompressedLength(int inputLength);

    /**
     * Compresses src's remaining bytes into one gzip member at dst's position, at the configured level; both positions
     * advance.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException when dst has less than {@link #maxCompressedLength} remaining
     */
    default int compress(ByteBuffer src, ByteBuffer dst) {
        return compress(src, dst, config().level());
    }

    /**
     * As {@link #compress(ByteBuffer, ByteBuffer)} at an explicit level (1..9), so one codec, and one device region,
     * serves clients configured with different levels.
     */
    int compress(ByteBuffer src, ByteBuffer dst, int level);

    default byte[] compress(byte[] src) {
        return compress(src, 0, src.length);
    }

    /** One gzip member holding {@code src[offset, offset+length)}. */
    default byte[] compress(byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        ByteBuffer out = ByteBuffer.allocate(maxCompressedLength(length));
        compress(ByteBuffer.wrap(src, offset, length), out);
        byte[] result = new byte[out.position()];
        out.flip().get(result);
        return result;
    }

    /**
     * Decompresses all of src's remaining bytes (every member) into a new heap buffer; src's position advances to its
     * limit.
     *
     * @throws CorruptGzipException for invalid, truncated or trailing non-gzip input
     * @throws OutputLimitExceededException when the output would exceed {@link CodecConfig#maxDecompressedBytes()}
     */
    default ByteBuffer decompress(ByteBuffer src) {
        return decompress(src, config().maxDecompressedBytes());
    }

    /** As {@link #decompress(ByteBuffer)} with a caller-set bound on the output size (all members together). */
    ByteBuffer decompress(ByteBuffer src, long maxOutput);

    default byte[] decompress(byte[] src) {
        return decompress(src, 0, src.length);
    }

    default byte[] decompress(byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        ByteBuffer out = decompress(ByteBuffer.wrap(src, offset, length));
        if (out.hasArray() && out.arrayOffset() == 0 && out.position() == 0 && out.remaining() == out.array().length) {
            return out.array();
        }
        byte[] result = new byte[out.remaining()];
        out.get(result);
        return result;
    }

    /** A stream that writes standard gzip to {@code out}: one member per {@code memberBytes} written (multi-member gzip). */
    OutputStream outputStream(OutputStream out, int memberBytes);

    default OutputStream outputStream(OutputStream out) {
        return outputStream(out, DEFAULT_MEMBER_BYTES);
    }

    /** As {@link #outputStream(OutputStream, int)} with members compressed on {@code threads} threads, same bytes. */
    OutputStream outputStream(OutputStream out, int memberBytes, int threads);

    /**
     * A stream for one record batch: what is written goes into batch memory ({@link #acquireBatchBuffer}) and becomes
     * one gzip member in {@code out} at close. A target implementing {@link DirectTarget} receives the member in its
     * own buffer.
     */
    OutputStream batchOutputStream(OutputStream out, int level);

    /**
     * A stream that reads any gzip from {@code in} (closed with it), with fixed memory whatever its length, bounded by
     * {@link CodecConfig#maxDecompressedBytes()} for all members together (an {@link java.io.IOException} caused by an
     * {@link OutputLimitExceededException} beyond it).
     */
    default InputStream inputStream(InputStream in) {
        return inputStream(in, config().maxDecompressedBytes());
    }

    /** As {@link #inputStream(InputStream)} with a caller-set bound ({@code Long.MAX_VALUE}: none, as gzip has none). */
    InputStream inputStream(InputStream in, long maxOutput);

    /**
     * The records of one gzip batch as a stream (src's position advances to its limit). A batch inflated to at most a
     * few MiB is inflated in one call; a larger one is read through a fixed window, so reading never takes memory in
     * proportion to what the batch inflates to. Bounded by {@link CodecConfig#maxBatchDecompressedBytes()}: none unless
     * set, as stock Kafka has none.
     *
     * @throws CorruptGzipException when the batch does not start as valid gzip (later faults surface as IOExceptions)
     */
    InputStream batchInputStream(ByteBuffer src);

    /** Lends memory for one batch: a device-mapped slot run when QAT zero-copy is on, plain memory otherwise. */
    BufferLease acquireBatchBuffer(int minCapacity);

    @Override
    void close();

    /** A batch stream that can be ended without writing anything ({@link #discard}). */
    interface BatchStream {
        void discard();
    }
}
