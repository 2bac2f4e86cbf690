package io.kqat.codec.zstd.libzstd;

import io.kqat.codec.nativeio.ContextPool;
import io.kqat.codec.nativeio.DirectAddress;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.zstd.spi.Sequences;
import java.nio.ByteBuffer;

/**
 * libzstd's entropy coder over sequences found elsewhere (QAT's LZ4s, converted): one standard frame per call with
 * {@code ZSTD_compressSequences}, explicit block delimiters, {@code ZSTD_c_minMatch=3} (LZ4s matches may be 3 bytes)
 * and {@code ZSTD_c_validateSequences=1}, so libzstd itself refuses a parse it cannot encode instead of writing a
 * wrong frame. The source stays where it is (the device's mapped memory): libzstd reads literals from it.
 */
public final class SequenceCompressor implements AutoCloseable {
    private static final int EXPLICIT_BLOCK_DELIMITERS = 1;
    private static final int MIN_MATCH = 3;

    private final ContextPool<Long> contexts = new ContextPool<>(() -> configured(newContext()),
            ZstdNative::ZSTD_freeCCtx);

    private SequenceCompressor() {
    }

    /**
     * A compressor, or null when this machine's libzstd lacks the calls ({@link #unavailable()} says why).
     */
    public static SequenceCompressor create() {
        return unavailable() == null ? new SequenceCompressor() : null;
    }

    /** Why sequences cannot be compressed here, or null when they can. */
    public static String unavailable() {
        return ZstdSequenceNative.LOAD_FAILURE;
    }

    private static Long newContext() {
        long c = ZstdNative.ZSTD_createCCtx();
        if (c == 0) {
            throw BackendException.declined("libzstd could not allocate a compression context");
        }
        return c;
    }

    /**
     * Writes one zstd frame for {@code src}'s remaining bytes, described by {@code sequences}, at {@code dst}'s position;
     * both positions advance. The sequences must cover exactly the source (the LZ4s converter guarantees it).
     *
     * @param level zstd level; it sets how hard the entropy coder works, the matches are the ones given
     * @return bytes written
     * @throws BackendException when libzstd refuses the sequences or dst is too small
     */
    public int compress(ByteBuffer src, Sequences sequences, ByteBuffer dst, int level) {
        long in = DirectAddress.at(src);
        long out = DirectAddress.at(dst);
        int inLen = src.remaining();
        int outLen = dst.remaining();
        Long cctx = contexts.borrow();
        long produced;
        try {
            set(cctx, ZstdNative.C_COMPRESSION_LEVEL, level);
            produced = ZstdResult.check(ZstdSequenceNative.ZSTD_compressSequences(cctx, out, outLen,
                    sequences.address(), sequences.count(), in, inLen), "ZSTD_compressSequences");
        } finally {
            contexts.giveBack(cctx);
            java.lang.ref.Reference.reachabilityFence(src);
            java.lang.ref.Reference.reachabilityFence(dst);
            java.lang.ref.Reference.reachabilityFence(sequences);
        }
        if (produced <= 0 || produced > outLen) {
            throw BackendException.fault("libzstd reported " + produced + " bytes for a " + outLen + "-byte destination");
        }
        src.position(src.limit());
        dst.position(dst.position() + (int) produced);
        return (int) produced;
    }

    private static void set(long cctx, int parameter, int value) {
        ZstdResult.check(ZstdNative.ZSTD_CCtx_setParameter(cctx, parameter, value), "ZSTD_CCtx_setParameter(" + parameter + ")");
    }

    /** The sequence parameters, set once per context (only the level changes between calls). */
    private static Long configured(long cctx) {
        try {
            set(cctx, ZstdNative.C_BLOCK_DELIMITERS, EXPLICIT_BLOCK_DELIMITERS);
            set(cctx, ZstdNative.C_VALIDATE_SEQUENCES, 1);
            set(cctx, ZstdNative.C_MIN_MATCH, MIN_MATCH);
            return cctx;
        } catch (RuntimeException e) {
            ZstdNative.ZSTD_freeCCtx(cctx);
            throw e;
        }
    }

    @Override
    public void close() {
        contexts.close();
    }
}
