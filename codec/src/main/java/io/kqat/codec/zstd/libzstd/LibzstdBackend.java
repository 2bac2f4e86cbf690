package io.kqat.codec.zstd.libzstd;

import io.kqat.codec.BackendDetail;
import io.kqat.codec.ZstdCodec;
import io.kqat.codec.nativeio.ContextPool;
import io.kqat.codec.nativeio.DirectAddress;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.zstd.spi.ZstdBackend;
import io.kqat.codec.zstd.spi.ZstdCapabilities;
import io.kqat.codec.zstd.spi.ZstdDecodeStream;
import java.nio.ByteBuffer;
import java.util.Collections;

/**
 * The system libzstd ({@code libzstd.so.1}) through JNA: one frame per batch with {@code ZSTD_compress2} on a pooled
 * context (Kafka's zstd-jni path makes a new streaming context for every batch and feeds it 16 KiB at a time), and
 * decoding through {@link LibzstdDecodeStream}. Frames are zstd's defaults, as Kafka's: content size written, no
 * checksum.
 */
public final class LibzstdBackend implements ZstdBackend {
    public static final String NAME = "libzstd";
    /** A decoding context that grew beyond this (a frame with a large window) is freed after its batch, not pooled. */
    static final long RETAINED_DECODER_BYTES = 8L << 20;

    private final ZstdCapabilities capabilities;
    private final ContextPool<Long> compressors = new ContextPool<>(LibzstdBackend::newCompressor,
            ZstdNative::ZSTD_freeCCtx);
    private final ContextPool<LibzstdDecodeStream> decoders;
    private final String sequenceFailure;

    LibzstdBackend(String sequenceFailure) {
        this.capabilities = ZstdCapabilities.compressing(Math.max(ZstdCodec.MIN_LEVEL, ZstdNative.ZSTD_minCLevel()),
                Math.min(ZstdCodec.MAX_LEVEL, ZstdNative.ZSTD_maxCLevel())).decoding();
        this.sequenceFailure = sequenceFailure;
        this.decoders = new ContextPool<>(() -> new LibzstdDecodeStream(this::giveBack), LibzstdDecodeStream::free);
    }

    private static Long newCompressor() {
        long c = ZstdNative.ZSTD_createCCtx();
        if (c == 0) {
            throw BackendException.declined("libzstd could not allocate a compression context");
        }
        return c;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ZstdCapabilities capabilities() {
        return capabilities;
    }

    /** {@code ZSTD_COMPRESSBOUND} of zstd.h, one frame. */
    @Override
    public int frameBound(int n) {
        long bound = (long) n + (n >>> 8) + (n < (128 << 10) ? ((128 << 10) - n) >>> 11 : 0);
        if (bound > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("no zstd frame bound fits in a buffer for " + n + " bytes");
        }
        return (int) bound;
    }

    @Override
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        if (!capabilities.compresses(level)) {
            throw BackendException.declined("libzstd does not compress at level " + level);
        }
        long in = DirectAddress.at(src);
        long out = DirectAddress.at(dst);
        int inLen = src.remaining();
        int outLen = dst.remaining();
        Long cctx = compressors.borrow();
        long produced;
        try {
            ZstdResult.check(ZstdNative.ZSTD_CCtx_setParameter(cctx, ZstdNative.C_COMPRESSION_LEVEL, level),
                    "ZSTD_CCtx_setParameter(level " + level + ")");
            produced = ZstdResult.check(ZstdNative.ZSTD_compress2(cctx, out, outLen, in, inLen), "ZSTD_compress2");
        } finally {
            compressors.giveBack(cctx);
            java.lang.ref.Reference.reachabilityFence(src);
            java.lang.ref.Reference.reachabilityFence(dst);
        }
        if (produced <= 0 || produced > outLen) {
            throw BackendException.fault("libzstd reported " + produced + " bytes for a " + outLen + "-byte destination");
        }
        src.position(src.limit());
        dst.position(dst.position() + (int) produced);
        return (int) produced;
    }

    @Override
    public ZstdDecodeStream newDecodeStream() {
        LibzstdDecodeStream s = decoders.borrow();
        s.reset();
        return s;
    }

    private void giveBack(LibzstdDecodeStream stream) {
        if (stream.footprint() > RETAINED_DECODER_BYTES) {
            stream.free();
        } else {
            decoders.giveBack(stream);
        }
    }

    /** Why {@code ZSTD_compressSequences} is unavailable on this library, or null when it is usable. */
    public String sequenceFailure() {
        return sequenceFailure;
    }

    @Override
    public BackendDetail detail() {
        return new BackendDetail(BackendDetail.SOFTWARE_MODE, "libzstd " + ZstdNative.ZSTD_versionString()
                + (sequenceFailure == null ? ", sequence API" : ", no sequence API"), Collections.emptyMap());
    }

    @Override
    public void close() {
        compressors.close();
        decoders.close();
    }
}
