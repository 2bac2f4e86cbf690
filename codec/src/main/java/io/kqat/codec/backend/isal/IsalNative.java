package io.kqat.codec.backend.isal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * JNA direct mapping of ISA-L's stateless igzip deflate and streaming inflate ({@code libisal.so.2}, ISA-L 2.28 to
 * 2.31). The structures are handled as raw memory at the offsets below and in {@link InflateState}; the provider's self
 * tests prove them on the installed library before either side is used.
 */
final class IsalNative {
    static final String SONAME = "libisal.so.2";
    static final String LOAD_FAILURE = load();

    /** {@code sizeof(struct isal_zstream)}. */
    static final int ZSTREAM_SIZE = 82_384;
    static final int NEXT_IN = 0;
    static final int AVAIL_IN = 8;
    static final int NEXT_OUT = 16;
    static final int AVAIL_OUT = 24;
    static final int TOTAL_OUT = 28;
    static final int LEVEL = 40;
    static final int LEVEL_BUF_SIZE = 44;
    static final int LEVEL_BUF = 48;
    static final int END_OF_STREAM = 56;
    static final int FLUSH = 58;
    static final int GZIP_FLAG = 60;

    /** Default level buffer sizes for igzip levels 1, 2, 3 ({@code ISAL_DEF_LVLn_DEFAULT}). */
    static final int[] LEVEL_BUF_SIZES = {0, 282_624, 331_776, 348_160};

    static final int COMP_OK = 0;
    static final int STATELESS_OVERFLOW = -1;

    private IsalNative() {
    }

    private static String load() {
        try {
            Native.register(IsalNative.class, NativeLibrary.getInstance(SONAME));
            return null;
        } catch (LinkageError e) {
            return SONAME + " not usable (install the Debian package libisal2): " + e.getMessage();
        }
    }

    static native void isal_deflate_stateless_init(long stream);

    static native int isal_deflate_stateless(long stream);

    static native void isal_inflate_init(long state);

    static native void isal_inflate_reset(long state);

    static native int isal_inflate(long state);

    static native int isal_inflate_stateless(long state);
}
