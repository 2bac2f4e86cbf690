package io.kqat.codec.backend.libdeflate;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * JNA direct mapping of the libdeflate 1.x calls kqat uses (raw DEFLATE only; kqat writes the gzip framing). Pointers
 * are passed as {@code long} addresses that the caller has bounds-checked; {@code size_t} is 64-bit on the platforms
 * kqat supports.
 */
final class LibDeflateNative {
    static final String SONAME = "libdeflate.so.0";

    /** Why the library could not be bound, or null when it was. */
    static final String LOAD_FAILURE = load();

    static final int SUCCESS = 0;
    static final int BAD_DATA = 1;
    static final int INSUFFICIENT_SPACE = 3;

    private LibDeflateNative() {
    }

    private static String load() {
        try {
            Native.register(LibDeflateNative.class, NativeLibrary.getInstance(SONAME));
            return null;
        } catch (LinkageError e) {
            return SONAME + " not usable (install the Debian package libdeflate0): " + e.getMessage();
        }
    }

    static native long libdeflate_alloc_compressor(int level);

    static native long libdeflate_deflate_compress(long compressor, long in, long inBytes, long out, long outAvail);

    static native void libdeflate_free_compressor(long compressor);

    static native long libdeflate_alloc_decompressor();

    static native int libdeflate_deflate_decompress_ex(long decompressor, long in, long inBytes, long out,
                                                      long outAvail, long actualInOut, long actualOutOut);

    static native void libdeflate_free_decompressor(long decompressor);
}
