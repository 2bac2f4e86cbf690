package io.kqat.codec.backend.qat.nativeapi;

import com.sun.jna.Pointer;

/**
 * {@link HotCalls} by JNA direct mapping. JNA binds a class's native methods to one library, and one JVM may load
 * several qatlibs (the emulator's variants in tests), so this class is never loaded by kqat's own class loader: each
 * library gets a copy defined in a class loader of its own ({@link HotCallsBinder}), bound to that library only.
 * Public for that reason; not an API.
 */
public final class DirectCalls implements HotCalls {
    static native int cpaDcCompressData2(long instance, long session, long src, long dst, long opData, long results,
                                         long tag);

    static native int cpaDcDecompressData2(long instance, long session, long src, long dst, long opData, long results,
                                           long tag);

    static native int icp_sal_DcPollInstance(long instance, int responseQuota);

    static native int cpaDcInitSession(long instance, long session, Pointer setup, long context, Completion callback);

    @Override
    public int compress(long instance, long session, long src, long dst, long opData, long results, long tag) {
        return cpaDcCompressData2(instance, session, src, dst, opData, results, tag);
    }

    @Override
    public int decompress(long instance, long session, long src, long dst, long opData, long results, long tag) {
        return cpaDcDecompressData2(instance, session, src, dst, opData, results, tag);
    }

    @Override
    public int poll(long instance, int responseQuota) {
        return icp_sal_DcPollInstance(instance, responseQuota);
    }

    @Override
    public int initSession(long instance, long session, Pointer setup, long context, Completion callback) {
        return cpaDcInitSession(instance, session, setup, context, callback);
    }
}
