package io.kqat.codec;

import io.kqat.codec.gzip.GzipMembers;
import io.kqat.codec.ladder.BackendLadder;
import io.kqat.codec.ladder.Rung;
import io.kqat.codec.ladder.StatsSnapshot;
import io.kqat.codec.nativeio.BufferPool;
import io.kqat.codec.spi.BatchMemory;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.BufferLease;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * The public face of kqat: standard gzip (RFC 1952) in and out, through the best backend this machine has.
 * Every compress call writes exactly one gzip member; decompress accepts any valid gzip (several members, optional
 * header fields, zero padding after the last member) and never produces more than the configured bound. Thread-safe;
 * create one per process and share it.
 */
public final class GzipCodec implements AutoCloseable {
    /** Bytes per member of {@link #outputStream(OutputStream)}. */
    public static final int DEFAULT_MEMBER_BYTES = 1 << 20;

    /** Native memory for batches and decoding windows: buffers up to 8 MiB are reused, a few per size. */
    private static final int POOLED_MAX = 8 << 20;

    private final CodecConfig config;
    private final BackendLadder ladder;
    private final BatchMemory batchMemory;
    private final Decoders decoders;
    private final CodecCounters counters = new CodecCounters();

    private GzipCodec(CodecConfig config, BackendLadder ladder) {
        this.config = config;
        this.ladder = ladder;
        BufferPool pool = new BufferPool(POOLED_MAX, 4 * Runtime.getRuntime().availableProcessors());
        this.batchMemory = Objects.requireNonNullElse(ladder.deviceBatchMemory(), pool::lease);
        this.decoders = new Decoders(ladder, pool);
    }

    /** Probes the machine and builds the ladder the config allows. */
    public static GzipCodec create(CodecConfig config) {
        Objects.requireNonNull(config, "config");
        return new GzipCodec(config, BackendLadder.build(config));
    }

    /** A codec over these providers instead of those {@link java.util.ServiceLoader} finds (embedding, tests). */
    public static GzipCodec create(CodecConfig config, List<BackendProvider> providers) {
        return new GzipCodec(Objects.requireNonNull(config, "config"), BackendLadder.build(config, providers));
    }

    /**
     * The process-wide codec for this config, created on first use and closed at JVM exit. Hooks and transforms share
     * codecs this way so the device region is mapped once per process, not once per client or task.
     */
    public static GzipCodec shared(CodecConfig config) {
        return SharedCodecs.get(config);
    }

    public CodecConfig config() {
        return config;
    }

    /** Name of the backend that compresses at the configured level while nothing fails. */
    public String backendName() {
        return ladder.chosenFor(config.level()).name();
    }

    /** Name of the backend that decompresses while nothing fails. */
    public String decompressBackendName() {
        return ladder.chosenForDecompress().name();
    }

    /** Every rung, ready or skipped with its reason, best first, with its counters now. */
    public List<BackendStatus> backends() {
        return BackendStatus.all(ladder);
    }

    /** One rung by name, or null when the ladder has none of that name. */
    public BackendStatus backend(String name) {
        return BackendStatus.named(ladder, name);
    }

    /** The counters summed over every rung. */
    public StatsSnapshot totals() {
        return ladder.totals();
    }

    /** Worst-case size of the gzip member {@link #compress} writes for {@code inputLength} bytes. */
    public int maxCompressedLength(int inputLength) {
        int max = 0;
        for (Rung r : ladder.rungs()) {
            if (r.ready()) {
                max = Math.max(max, GzipMembers.maxMemberSize(r.backend(), inputLength));
            }
        }
        return max;
    }

    /**
     * Compresses src's remaining bytes into one gzip member at dst's position; both positions advance.
     *
     * @return the number of bytes written
     * @throws IllegalArgumentException when dst has less than {@link #maxCompressedLength} remaining
     */
    public int compress(ByteBuffer src, ByteBuffer dst) {
        return compress(src, dst, config.level());
    }

    /**
     * As {@link #compress(ByteBuffer, ByteBuffer)} at an explicit level (1..9), so one codec, and one device region,
     * serves clients configured with different levels.
     */
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        if (level < CodecConfig.MIN_LEVEL || level > CodecConfig.MAX_LEVEL) {
            throw new IllegalArgumentException("level must be 1..9, was " + level);
        }
        int need = maxCompressedLength(src.remaining());
        if (dst.remaining() < need) {
            throw new IllegalArgumentException("destination has " + dst.remaining() + " bytes, needs up to " + need);
        }
        return ladder.compress(level, src.remaining(),
                (backend, copies) -> GzipMembers.compress(backend, src, dst, level, copies), n -> n);
    }

    public byte[] compress(byte[] src) {
        return compress(src, 0, src.length);
    }

    /** One gzip member holding {@code src[offset, offset+length)}. */
    public byte[] compress(byte[] src, int offset, int length) {
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
    public ByteBuffer decompress(ByteBuffer src) {
        return decompress(src, config.maxDecompressedBytes());
    }

    /** As {@link #decompress(ByteBuffer)} with a caller-set bound on the output size (all members together). */
    public ByteBuffer decompress(ByteBuffer src, long maxOutput) {
        return decoders.whole(src, maxOutput);
    }

    public byte[] decompress(byte[] src) {
        return decompress(src, 0, src.length);
    }

    public byte[] decompress(byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        return Decoders.toArray(decompress(ByteBuffer.wrap(src, offset, length)));
    }

    /** A stream that writes standard gzip to {@code out}: one member per {@code memberBytes} written (multi-member gzip). */
    public OutputStream outputStream(OutputStream out, int memberBytes) {
        return new MemberOutputStream(this, out, config.level(), memberBytes);
    }

    public OutputStream outputStream(OutputStream out) {
        return outputStream(out, DEFAULT_MEMBER_BYTES);
    }

    /** As {@link #outputStream(OutputStream, int)} with members compressed on {@code threads} threads, same bytes. */
    public OutputStream outputStream(OutputStream out, int memberBytes, int threads) {
        return threads == 1 ? outputStream(out, memberBytes)
                : ParallelMemberOutputStream.open(this, out, config.level(), memberBytes, threads);
    }

    /**
     * A stream for one record batch: what is written goes into batch memory ({@link #acquireBatchBuffer}) and becomes
     * one gzip member in {@code out} at close.
     */
    public OutputStream batchOutputStream(OutputStream out, int level) {
        return new MemberOutputStream(this, out, level, Integer.MAX_VALUE);
    }

    /**
     * A stream that reads any gzip from {@code in} (closed with it), with fixed memory whatever its length, bounded by
     * {@link CodecConfig#maxDecompressedBytes()} for all members together (an {@link IOException} caused by an
     * {@link OutputLimitExceededException} beyond it).
     */
    public InputStream inputStream(InputStream in) {
        return inputStream(in, config.maxDecompressedBytes());
    }

    /** As {@link #inputStream(InputStream)} with a caller-set bound ({@code Long.MAX_VALUE}: none, as gzip has none). */
    public InputStream inputStream(InputStream in, long maxOutput) {
        return decoders.stream(in, maxOutput);
    }

    /**
     * The records of one gzip batch as a stream (src's position advances to its limit). A batch inflated to at most a
     * few MiB is inflated in one call; a larger one is read through a fixed window, so reading never takes memory in
     * proportion to what the batch inflates to, and has no bound of its own.
     *
     * @throws CorruptGzipException when the batch does not start as valid gzip (later faults surface as IOExceptions)
     */
    public InputStream batchInputStream(ByteBuffer src) {
        return decoders.batchStream(src);
    }

    /**
     * Ends a stream of {@link #batchOutputStream} without writing anything (an aborted batch): its memory goes back and
     * nothing is compressed.
     *
     * @return false when {@code stream} is not one of kqat's batch streams
     */
    public static boolean discard(OutputStream stream) {
        if (stream instanceof MemberOutputStream) {
            ((MemberOutputStream) stream).discard();
            return true;
        }
        return false;
    }

    /** What the codec's streams counted. */
    public CodecCounters counters() {
        return counters;
    }

    /** Lends memory for one batch: a device-mapped slot run when QAT zero-copy is on, plain memory otherwise. */
    public BufferLease acquireBatchBuffer(int minCapacity) {
        return batchMemory.acquire(minCapacity);
    }

    @Override
    public void close() {
        ladder.close();
    }
}
