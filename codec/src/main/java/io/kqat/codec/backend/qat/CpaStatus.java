package io.kqat.codec.backend.qat;

/** qatlib's status codes ({@code CpaStatus}) and request result codes, with names for messages. */
final class CpaStatus {
    static final int SUCCESS = 0;
    static final int FAIL = -1;
    static final int RETRY = -2;
    static final int RESOURCE = -3;
    static final int INVALID_PARAM = -4;
    static final int FATAL = -5;
    static final int UNSUPPORTED = -6;

    static final int DC_OK = 0;
    static final int DC_OVERFLOW = -11;

    static final int DC_DEFLATE = 3;
    static final int DIR_COMPRESS = 0;
    static final int DIR_DECOMPRESS = 1;
    static final int STATELESS = 1;
    static final int HUFF_DYNAMIC = 2;
    static final int CHECKSUM_CRC32 = 1;
    static final int FLUSH_FINAL = 1;

    private CpaStatus() {
    }

    static String name(int status) {
        return switch (status) {
            case SUCCESS -> "SUCCESS";
            case FAIL -> "FAIL";
            case RETRY -> "RETRY";
            case RESOURCE -> "RESOURCE";
            case INVALID_PARAM -> "INVALID_PARAM";
            case FATAL -> "FATAL";
            case UNSUPPORTED -> "UNSUPPORTED";
            case -7 -> "RESTARTING";
            default -> "status " + status;
        };
    }

    static String resultName(int status) {
        return switch (status) {
            case DC_OK -> "OK";
            case -1 -> "INVALID_BLOCK_TYPE";
            case -2 -> "BAD_STORED_BLOCK_LEN";
            case DC_OVERFLOW -> "OVERFLOW";
            case -13 -> "FATALERR";
            case -15 -> "INCOMPLETE_FILE_ERR";
            default -> "result " + status;
        };
    }
}
