package io.kqat.codec;

import io.kqat.codec.backend.Backend;
import io.kqat.codec.buffer.BatchBuffers;
import io.kqat.codec.buffer.BufferLease;
import io.kqat.codec.gzip.GzipMembers;
import io.kqat.codec.select.BackendLadder;
import io.kqat.codec.select.BackendStats;
import io.kqat.codec.select.Rung;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * The public face of kqat: standard gzip (RFC 1952) in and out, through the best backend this machine has.
 * Every compress call writes exactly one gzip member; decompress accepts any valid gzip (several members, optional
 * header fields) and never produces more than the configured bound. Thread-safe; create one per process and share it.
 */
public final class GzipCodec implements AutoCloseable {
    private final CodecConfig config;
    private final BackendLadder ladder;
    private final BatchBuffers batchBuffers;

    private GzipCodec(CodecConfig config, BackendLadder ladder) {
        this.config = config;
        this.ladder = ladder;
        this.batchBuffers = ladder.rungs().stream()
                .filter(r -> r.ready() && r.backend() instanceof BatchBuffers)
                .map(r -> (BatchBuffers) r.backend())
                .findFirst().orElse(BatchBuffers.heap());
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

    /** Every rung, ready or skipped with its reason, best first. */
    public List<Rung> ladder() {
        return ladder.rungs();
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
        int in = src.remaining();
        return ladder.compress(level, backend -> {
            int n = GzipMembers.compress(backend, src, dst, level);
            count(backend, true, in, n);
            return n;
        });
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
     * Decompresses all of src's remaining bytes (every member) into a new heap buffer; src's position advances to its
     * limit.
     *
     * @throws CorruptGzipException for invalid, truncated or trailing non-gzip input
     * @throws OutputLimitExceededException when the output would exceed {@link CodecConfig#maxDecompressedBytes()}
     */
    public ByteBuffer decompress(ByteBuffer src) {
        return decompress(src, config.maxDecompressedBytes());
    }

    /** As {@link #decompress(ByteBuffer)} with a caller-set bound on the output size. */
    public ByteBuffer decompress(ByteBuffer src, long maxOutput) {
        if (maxOutput <= 0) {
            throw new IllegalArgumentException("maxOutput must be positive");
        }
        int in = src.remaining();
        ByteBuffer out = ladder.decompress(backend -> {
            ByteBuffer r = GzipMembers.decompress(backend, src, maxOutput, false);
            count(backend, false, in, r.remaining());
            return r;
        });
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

    /** A stream that writes standard gzip to {@code out}: one member per {@code chunkSize} bytes written (multi-member gzip). */
    public OutputStream outputStream(OutputStream out, int chunkSize) {
        return new GzipChunkedOutputStream(this, out, chunkSize);
    }

    public OutputStream outputStream(OutputStream out) {
        return outputStream(out, GzipChunkedOutputStream.DEFAULT_CHUNK);
    }

    /** A stream that reads any gzip from {@code in}, bounded by {@link CodecConfig#maxDecompressedBytes()} per member. */
    public InputStream inputStream(InputStream in) {
        return new GzipMemberInputStream(this, in);
    }

    /** Lends memory for one batch: a device-mapped slot when QAT zero-copy is on, plain memory otherwise. */
    public BufferLease acquireBatchBuffer(int minCapacity) {
        return batchBuffers.acquire(minCapacity);
    }

    /** Counters of one backend by name, or null if it is not on the ladder. */
    public BackendStats stats(String backend) {
        return ladder.rungs().stream().filter(r -> r.name().equals(backend)).map(Rung::stats).findFirst().orElse(null);
    }

    private void count(Backend backend, boolean compress, long in, long out) {
        BackendStats s = ladder.statsOf(backend);
        if (compress) {
            s.recordCompress(in, out);
        } else {
            s.recordDecompress(in, out);
        }
    }

    @Override
    public void close() {
        ladder.close();
    }
}
