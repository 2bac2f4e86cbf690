package io.kqat.codec.engine;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.BufferLease;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.CodecCounters;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.StatsSnapshot;
import io.kqat.codec.ladder.BackendLadder;
import io.kqat.codec.ladder.Rung;
import io.kqat.codec.nativeio.BufferPool;
import io.kqat.codec.nativeio.NativeBuffers;
import io.kqat.codec.nativeio.NativeMemory;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.BatchMemory;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.zip.Deflater;

/** {@link GzipCodec} over a fallback ladder: compression through {@link BatchCompressor}, decoding through {@link Decoders}. */
final class LadderCodec implements GzipCodec {
    private final CodecConfig config;
    private final BackendLadder ladder;
    private final BatchCompressor compressor;
    private final Decoders decoders;
    private final EngineCounters counters = new EngineCounters();

    private LadderCodec(CodecConfig config, BackendLadder ladder, IntFunction<Deflater> lastResortDeflaters) {
        this.config = config;
        this.ladder = ladder;
        BufferPool pool = NativeBuffers.pool();
        BatchMemory pooled = n -> {
            BufferLease lease = pool.tryLease(n);
            return lease != null ? lease : BufferLease.of(ByteBuffer.allocate(n)); // at the bound: the heap
        };
        this.compressor = new BatchCompressor(ladder, Objects.requireNonNullElse(ladder.deviceBatchMemory(), pooled),
                BatchMemory.HEAP, counters, new LastResortWriter(lastResortDeflaters));
        this.decoders = new Decoders(ladder, pool, counters);
    }


    static LadderCodec create(CodecConfig config) {
        boundMemory(config);
        return new LadderCodec(config, BackendLadder.build(config), LastResortWriter.JDK_DEFLATER);
    }

    static LadderCodec create(CodecConfig config, List<BackendProvider> providers,
                              IntFunction<Deflater> lastResortDeflaters) {
        boundMemory(config);
        return new LadderCodec(config, BackendLadder.build(config, providers), lastResortDeflaters);
    }

    /** The process's native memory bound, when this config sets it (before any backend takes memory). */
    private static void boundMemory(CodecConfig config) {
        if (config.isSet(KqatSettings.NATIVE_MEMORY_BYTES)) {
            NativeMemory.configureProcess(config.get(KqatSettings.NATIVE_MEMORY_BYTES));
        }
    }

    @Override
    public CodecConfig config() {
        return config;
    }

    @Override
    public String backendName() {
        return ladder.chosenFor(config.level()).name();
    }

    @Override
    public String decompressBackendName() {
        return ladder.chosenForDecompress().name();
    }

    @Override
    public List<BackendStatus> backends() {
        List<BackendStatus> statuses = new ArrayList<>();
        for (Rung r : ladder.rungs()) {
            statuses.add(status(r));
        }
        return statuses;
    }

    private BackendStatus status(Rung r) {
        int levels = 0;
        for (int level = CodecConfig.MIN_LEVEL; level <= CodecConfig.MAX_LEVEL; level++) {
            levels |= ladder.compresses(r, level) ? 1 << level : 0;
        }
        return new BackendStatus(r.name(), r.rank(), r.device(), r.skipReason(),
                r.ready() ? r.backend().detail() : null, r.snapshot(), r.circuitOpen(), levels, ladder.decompresses(r));
    }

    @Override
    public String routes() {
        return ladder.routes();
    }

    @Override
    public StatsSnapshot totals() {
        return ladder.totals();
    }

    @Override
    public CodecCounters counters() {
        return counters;
    }

    @Override
    public int maxCompressedLength(int inputLength) {
        return compressor.memberBound(inputLength);
    }

    @Override
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        CodecConfig.checkLevel(level);
        int need = compressor.memberBound(src.remaining());
        if (dst.remaining() < need) {
            throw new IllegalArgumentException("destination has " + dst.remaining() + " bytes, needs up to " + need);
        }
        return compressor.compress(src, dst, level);
    }

    @Override
    public ByteBuffer decompress(ByteBuffer src, long maxOutput) {
        return decoders.whole(src, maxOutput);
    }

    @Override
    public OutputStream outputStream(OutputStream out, int memberBytes) {
        return new MemberOutputStream(compressor, out, config.level(), memberBytes);
    }

    @Override
    public OutputStream outputStream(OutputStream out, int memberBytes, int threads) {
        return threads == 1 ? outputStream(out, memberBytes)
                : ParallelMemberOutputStream.open(compressor, out, config.level(), memberBytes, threads);
    }

    @Override
    public OutputStream batchOutputStream(OutputStream out, int level) {
        return new MemberOutputStream(compressor, out, CodecConfig.checkLevel(level), Integer.MAX_VALUE);
    }

    @Override
    public InputStream inputStream(InputStream in, long maxOutput) {
        return decoders.stream(in, maxOutput);
    }

    @Override
    public InputStream batchInputStream(ByteBuffer src) {
        return decoders.batchStream(src, config.maxBatchDecompressedBytes());
    }

    @Override
    public BufferLease acquireBatchBuffer(int minCapacity) {
        return compressor.lease(minCapacity);
    }

    /** The streams' side of the engine (for tests of the streams). */
    BatchCompressor compressor() {
        return compressor;
    }

    @Override
    public void close() {
        ladder.close();
    }
}
