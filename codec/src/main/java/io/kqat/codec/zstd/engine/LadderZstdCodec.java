package io.kqat.codec.zstd.engine;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.CodecCounters;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.StatsSnapshot;
import io.kqat.codec.ZstdCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.nativeio.NativeBuffers;
import io.kqat.codec.nativeio.NativeMemory;
import io.kqat.codec.zstd.ladder.ZstdLadder;
import io.kqat.codec.zstd.ladder.ZstdRung;
import io.kqat.codec.zstd.spi.ZstdBackendProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@link ZstdCodec} over the zstd ladder: compression through {@link ZstdCompressor}, decoding through batch streams. */
final class LadderZstdCodec implements ZstdCodec {
    private final CodecConfig config;
    private final ZstdLadder ladder;
    private final ZstdCompressor compressor;

    LadderZstdCodec(CodecConfig config, ZstdLadder ladder) {
        this.config = config;
        this.ladder = ladder;
        this.compressor = new ZstdCompressor(ladder, NativeBuffers.pool());
    }

    static LadderZstdCodec create(CodecConfig config, List<ZstdBackendProvider> providers) {
        if (config.isSet(KqatSettings.NATIVE_MEMORY_BYTES)) { // before any backend takes memory, as gzip's codec
            NativeMemory.configureProcess(config.get(KqatSettings.NATIVE_MEMORY_BYTES));
        }
        return new LadderZstdCodec(config, ZstdLadder.build(config, providers));
    }

    @Override
    public CodecConfig config() {
        return config;
    }

    @Override
    public boolean compresses(int level) {
        return ladder.chosenFor(ZstdCodec.kafkaLevel(level)) != null;
    }

    @Override
    public boolean decodes() {
        return ladder.chosenForDecode() != null;
    }

    @Override
    public String backendName(int level) {
        ZstdRung r = ladder.chosenFor(ZstdCodec.kafkaLevel(level));
        return r == null ? STOCK : r.name();
    }

    @Override
    public String decompressBackendName() {
        ZstdRung r = ladder.chosenForDecode();
        return r == null ? STOCK : r.name();
    }

    @Override
    public List<BackendStatus> backends() {
        List<BackendStatus> statuses = new ArrayList<>();
        for (ZstdRung r : ladder.rungs()) {
            int levels = 0;
            for (int level = 1; level <= MAX_LEVEL; level++) {
                levels |= ladder.compresses(r, level) ? 1 << level : 0;
            }
            statuses.add(new BackendStatus(r.name(), r.rank(), r.device(), r.skipReason(),
                    r.ready() ? r.backend().detail() : null, r.snapshot(), r.circuitOpen(), levels, ladder.decodes(r)));
        }
        return statuses;
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
        return new CodecCounters() {
            @Override
            public long batchBytesMoved() {
                return compressor.batchBytesMoved();
            }

            @Override
            public long lastResortBatches() {
                return compressor.lastResortBatches();
            }

            @Override
            public long targetBytesCopied() {
                return compressor.targetBytesCopied();
            }

            @Override
            public long readerBytesCopied() {
                return compressor.readerBytesCopied();
            }
        };
    }

    @Override
    public int maxCompressedLength(int inputLength) {
        return compressor.bound(inputLength);
    }

    @Override
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        int need = compressor.bound(src.remaining());
        if (dst.remaining() < need) {
            throw new IllegalArgumentException("destination has " + dst.remaining() + " bytes, needs up to " + need);
        }
        return compressor.compress(src, dst, ZstdCodec.kafkaLevel(level));
    }

    @Override
    public ByteBuffer decompress(ByteBuffer src, long maxOutput) {
        long bound = Math.min(maxOutput, KqatSettings.MAX_BUFFER_BYTES);
        byte[] out = new byte[(int) Math.min(bound, Math.max(1024, 4L * src.remaining()))];
        int n = 0;
        try (InputStream in = open(src, bound)) {
            for (int r; (r = in.read(out, n, out.length - n)) >= 0; ) {
                n += r;
                if (n == out.length) {
                    if (out.length >= bound) {
                        if (in.read() >= 0) {
                            throw new OutputLimitExceededException(maxOutput);
                        }
                        break;
                    }
                    out = Arrays.copyOf(out, (int) Math.min(bound, 2L * out.length));
                }
            }
        } catch (IOException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : new UncheckedIOException(e);
        }
        return ByteBuffer.wrap(out, 0, n).slice();
    }

    @Override
    public OutputStream batchOutputStream(OutputStream out, int level) {
        return new ZstdBatchOutputStream(compressor, out, ZstdCodec.kafkaLevel(level));
    }

    @Override
    public InputStream batchInputStream(ByteBuffer src) {
        return open(src, config.maxBatchDecompressedBytes());
    }

    private InputStream open(ByteBuffer src, long maxOutput) {
        InputStream in = new ZstdBatchInputStream(compressor, ladder.openDecodeStream(), ladder.decodeCopies(), src, maxOutput);
        src.position(src.limit());
        return in;
    }

    @Override
    public void close() {
        ladder.close();
    }
}
