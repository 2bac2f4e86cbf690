package io.kqat.codec.zstd.libzstd;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * libzstd's external-sequence calls, bound apart from {@link ZstdNative} because they are static-linking-only API: a
 * build without them still compresses and decodes, only the QAT LZ4s path (which needs them) is then unavailable.
 * Debian 12's libzstd.so.1 (1.5.4) exports both.
 */
final class ZstdSequenceNative {
    /** Why the sequence calls could not be bound, or null when they were. */
    static final String LOAD_FAILURE = load();

    private ZstdSequenceNative() {
    }

    private static String load() {
        if (ZstdNative.LOAD_FAILURE != null) {
            return ZstdNative.LOAD_FAILURE;
        }
        try {
            Native.register(ZstdSequenceNative.class, NativeLibrary.getInstance(ZstdNative.SONAME));
            return null;
        } catch (LinkageError e) {
            return ZstdNative.SONAME + " " + ZstdNative.ZSTD_versionString()
                    + " does not export ZSTD_compressSequences/ZSTD_sequenceBound (1.5.4 does): " + e.getMessage();
        }
    }

    static native long ZSTD_compressSequences(long cctx, long dst, long dstCapacity, long sequences, long count,
                                              long src, long srcSize);

    static native long ZSTD_sequenceBound(long srcSize);
}
