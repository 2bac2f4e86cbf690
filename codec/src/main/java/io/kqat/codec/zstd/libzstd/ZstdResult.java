package io.kqat.codec.zstd.libzstd;

import io.kqat.codec.CorruptZstdException;
import io.kqat.codec.spi.BackendException;

/** libzstd's {@code size_t} results: errors are told apart by {@code ZSTD_isError} and named by {@code ZSTD_getErrorName}. */
final class ZstdResult {
    private ZstdResult() {
    }

    static boolean isError(long code) {
        return ZstdNative.ZSTD_isError(code) != 0;
    }

    /** The result when it is not an error; otherwise this backend declines the request (the ladder falls back). */
    static long check(long code, String call) {
        if (isError(code)) {
            throw BackendException.fault("libzstd " + call + ": " + ZstdNative.ZSTD_getErrorName(code));
        }
        return code;
    }

    /**
     * A decoding result: an error is the input's fault (corrupt, truncated, a window beyond Kafka's limit), except for
     * running out of memory, which is this backend's.
     */
    static long checkDecode(long code) {
        if (isError(code)) {
            String name = ZstdNative.ZSTD_getErrorName(code);
            if (name.toLowerCase(java.util.Locale.ROOT).contains("allocation")) {
                throw BackendException.fault("libzstd ZSTD_decompressStream: " + name);
            }
            throw new CorruptZstdException("zstd: " + name);
        }
        return code;
    }
}
