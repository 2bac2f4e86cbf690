package io.kqat.codec.backend.qat.nativeapi;

/** qatlib's status codes ({@code CpaStatus}) and request result codes, with names for messages. */
public final class CpaStatus {
    public static final int SUCCESS = 0;
    public static final int FAIL = -1;
    public static final int RETRY = -2;
    private static final int RESOURCE = -3;
    private static final int INVALID_PARAM = -4;
    private static final int FATAL = -5;
    public static final int UNSUPPORTED = -6;

    public static final int DC_OK = 0;
    public static final int DC_OVERFLOW = -11;
    public static final int DC_FATALERR = -13;

    public static final int DC_DEFLATE = 3;
    /** {@code CpaDcCompType}: LZ4s (22.07+, compression only, Gen4 and later) and native zstd (26.02+, Gen6). */
    public static final int DC_LZ4S = 5;
    public static final int DC_ZSTD = 6;
    public static final int DIR_COMPRESS = 0;
    public static final int DIR_DECOMPRESS = 1;
    public static final int STATELESS = 1;
    public static final int HUFF_DYNAMIC = 2;
    public static final int CHECKSUM_CRC32 = 1;
    /** LZ4s takes NONE or XXHASH32; zstd requires XXHASH64. */
    public static final int CHECKSUM_NONE = 0;
    public static final int CHECKSUM_XXHASH64 = 5;
    /** {@code autoSelectBestHuffmanTree}: a Gen6 zstd compression session refuses ASB disabled. */
    public static final int ASB_DISABLED = 0;
    public static final int ASB_ENABLED = 4;
    /** {@code CpaDcCompMinMatch}: 3-byte matches (configurable for LZ4s only). */
    public static final int MIN_3_BYTE_MATCH = 0;
    public static final int FLUSH_FINAL = 1;

    private CpaStatus() {
    }

    public static String name(int status) {
        switch (status) {
            case SUCCESS: return "SUCCESS";
            case FAIL: return "FAIL";
            case RETRY: return "RETRY";
            case RESOURCE: return "RESOURCE";
            case INVALID_PARAM: return "INVALID_PARAM";
            case FATAL: return "FATAL";
            case UNSUPPORTED: return "UNSUPPORTED";
            case -7: return "RESTARTING";
            default: return "status " + status;
        }
    }

    public static String resultName(int status) {
        switch (status) {
            case DC_OK: return "OK";
            case -1: return "INVALID_BLOCK_TYPE";
            case -2: return "BAD_STORED_BLOCK_LEN";
            case DC_OVERFLOW: return "OVERFLOW";
            case DC_FATALERR: return "FATALERR";
            case -15: return "INCOMPLETE_FILE_ERR";
            default: return "result " + status;
        }
    }
}
