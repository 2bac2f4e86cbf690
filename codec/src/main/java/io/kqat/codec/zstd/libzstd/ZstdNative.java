package io.kqat.codec.zstd.libzstd;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * JNA direct mapping of the stable libzstd calls kqat uses (all present since 1.4.0). Pointers are {@code long}
 * addresses the caller has bounds-checked; {@code size_t} is 64-bit on the platforms kqat supports. Parameter and enum
 * numbers are zstd.h's (1.5.4), which the library keeps stable.
 */
final class ZstdNative {
    static final String SONAME = "libzstd.so.1";
    /** The oldest release whose advanced API (ZSTD_compress2, ZSTD_CCtx_setParameter) is stable. */
    static final int MIN_VERSION = 10400;

    static final int C_COMPRESSION_LEVEL = 100;
    static final int C_MIN_MATCH = 105;
    static final int C_CONTENT_SIZE_FLAG = 200;
    static final int C_CHECKSUM_FLAG = 201;
    /** ZSTD_c_experimentalParam11: ZSTD_sf_noBlockDelimiters 0, ZSTD_sf_explicitBlockDelimiters 1. */
    static final int C_BLOCK_DELIMITERS = 1008;
    /** ZSTD_c_experimentalParam12: 1 = refuse invalid external sequences instead of undefined behaviour. */
    static final int C_VALIDATE_SEQUENCES = 1009;
    static final int D_WINDOW_LOG_MAX = 100;
    static final int RESET_SESSION_AND_PARAMETERS = 3;

    /** Why the library could not be bound, or null when it was. */
    static final String LOAD_FAILURE = load();

    private ZstdNative() {
    }

    private static String load() {
        try {
            Native.register(ZstdNative.class, NativeLibrary.getInstance(SONAME));
        } catch (LinkageError e) {
            return SONAME + " not usable (install the Debian package libzstd1): " + e.getMessage();
        }
        int version = ZSTD_versionNumber();
        return version < MIN_VERSION ? SONAME + " is " + ZSTD_versionString() + ", kqat needs 1.4.0 or later" : null;
    }

    static native int ZSTD_versionNumber();

    static native String ZSTD_versionString();

    static native int ZSTD_isError(long code);

    static native String ZSTD_getErrorName(long code);

    static native int ZSTD_minCLevel();

    static native int ZSTD_maxCLevel();

    static native long ZSTD_compressBound(long srcSize);

    static native long ZSTD_createCCtx();

    static native long ZSTD_freeCCtx(long cctx);

    static native long ZSTD_CCtx_reset(long cctx, int directive);

    static native long ZSTD_CCtx_setParameter(long cctx, int parameter, int value);

    static native long ZSTD_compress2(long cctx, long dst, long dstCapacity, long src, long srcSize);

    static native long ZSTD_createDCtx();

    static native long ZSTD_freeDCtx(long dctx);

    static native long ZSTD_DCtx_reset(long dctx, int directive);

    static native long ZSTD_DCtx_setParameter(long dctx, int parameter, int value);

    /** {@code output} and {@code input} point at {@code ZSTD_outBuffer}/{@code ZSTD_inBuffer}: {ptr, size, pos}. */
    static native long ZSTD_decompressStream(long dctx, long output, long input);

    static native long ZSTD_sizeof_DCtx(long dctx);
}
