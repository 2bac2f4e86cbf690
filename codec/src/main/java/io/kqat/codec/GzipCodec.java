package io.kqat.codec;

import io.kqat.codec.gzip.GzipMembers;
import io.kqat.codec.ladder.BackendLadder;
import io.kqat.codec.ladder.Rung;
import io.kqat.codec.ladder.StatsSnapshot;
import io.kqat.codec.spi.BatchMemory;
import io.kqat.codec.spi.BufferLease;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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

    private final CodecConfig config;
    private final BackendLadder ladder;
    private final BatchMemory batchMemory;

    private GzipCodec(CodecConfig config, BackendLadder ladder) {
        this.config = config;
        this.ladder = ladder;
        BatchMemory memory = BatchMemory.HEAP;
        for (Rung r : ladder.rungs()) {
            if (r.ready() && r.backend() instanceof BatchMemory) {
                memory = (BatchMemory) r.backend();
                break;
            }
        }
        this.batchMemory = memory;
    }

    /** Probes the machine and builds the ladder the config allows. */
    public static GzipCodec create(CodecConfig config) {
        Objects.requireNonNull(config, "config");
        return new GzipCodec(config, BackendLadder.build(config));
    }

    public static GzipCodec create() {
        return create(CodecConfig.defaults());
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
        List<BackendStatus> statuses = new ArrayList<>();
        for (Rung r : ladder.rungs()) {
            statuses.add(new BackendStatus(r));
        }
        return statuses;
    }

    /** One rung by name, or null when the ladder has none of that name. */
    public BackendStatus backend(String name) {
        for (Rung r : ladder.rungs()) {
            if (r.name().equals(name)) {
                return new BackendStatus(r);
            }
        }
        return null;
    }

    /** The counters summed over every rung. */
    public StatsSnapshot totals() {
        StatsSnapshot total = StatsSnapshot.ZERO;
        for (Rung r : ladder.rungs()) {
            total = total.plus(r.snapshot());
        }
        return total;
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

    public byte[] compress(byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        ByteBuffer out = ByteBuffer.allocate(maxCompressedLength(length));
        compress(ByteBuffer.wrap(src, offset, length), out);
        byte[] result = new byte[out.position()];
        out.flip().get(result);
        return result;
    }

    /**
     * Decompresses all of src's remaining bytes (every member) into a new buffer (direct when the backend inflates into
     * native memory); src's position advances to its limit.
     *
     * @throws CorruptGzipException for invalid, truncated or trailing non-gzip input
     * @throws OutputLimitExceededException when the output would exceed {@link CodecConfig#maxDecompressedBytes()}
     */
    public ByteBuffer decompress(ByteBuffer src) {
        return decompress(src, config.maxDecompressedBytes());
    }

    /** As {@link #decompress(ByteBuffer)} with a caller-set bound on the output size (all members together). */
    public ByteBuffer decompress(ByteBuffer src, long maxOutput) {
        if (maxOutput <= 0) {
            throw new IllegalArgumentException("maxOutput must be positive");
        }
        ByteBuffer out = ladder.decompress(src.remaining(),
                (backend, copies) -> GzipMembers.decompress(backend, src, maxOutput, copies), ByteBuffer::remaining);
        src.position(src.limit());
        return out;
    }

    public byte[] decompress(byte[] src) {
        return decompress(src, 0, src.length);
    }

    public byte[] decompress(byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        ByteBuffer out = decompress(ByteBuffer.wrap(src, offset, length));
        if (out.hasArray() && out.arrayOffset() == 0 && out.remaining() == out.array().length) {
            return out.array();
        }
        byte[] result = new byte[out.remaining()];
        out.get(result);
        return result;
    }

    /** A stream that writes standard gzip to {@code out}: one member per {@code memberBytes} written (multi-member gzip). */
    public OutputStream outputStream(OutputStream out, int memberBytes) {
        return new MemberOutputStream(this, out, config.level(), memberBytes);
    }

    public OutputStream outputStream(OutputStream out) {
        return outputStream(out, DEFAULT_MEMBER_BYTES);
    }

    /**
     * A stream for one record batch: what is written goes into batch memory ({@link #acquireBatchBuffer}) and becomes
     * one gzip member in {@code out} at close.
     */
    public OutputStream batchOutputStream(OutputStream out, int level) {
        return new MemberOutputStream(this, out, level, Integer.MAX_VALUE);
    }

    /** A stream that reads any gzip from {@code in}, bounded by {@link CodecConfig#maxDecompressedBytes()} per member. */
    public InputStream inputStream(InputStream in) {
        return new GunzipInputStream(this, in);
    }

    /**
     * The records of one gzip batch as a stream, inflated now (src's position advances to its limit).
     *
     * @throws CorruptGzipException as {@link #decompress(ByteBuffer)}
     * @throws OutputLimitExceededException when the batch inflates to more than the bound
     */
    public InputStream batchInputStream(ByteBuffer src) {
        return new BatchInputStream(decompress(src));
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
