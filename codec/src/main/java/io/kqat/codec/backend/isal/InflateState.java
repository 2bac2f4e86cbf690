package io.kqat.codec.backend.isal;

/**
 * Facts about ISA-L's {@code struct inflate_state}, from its public header {@code include/igzip_lib.h}: the offsets
 * were measured with {@code offsetof} (x86-64, LP64) against the header of every tag from v2.28.0 to v2.31.1 and
 * Debian's {@code libisal-dev} 2.30.0-5, and are the same in all of them. {@link io.kqat.codec.spi.SelfTest#streaming} proves them on the
 * installed library before a stream is offered.
 */
final class InflateState {
    /** {@code sizeof(struct inflate_state)}; 8-byte aligned. */
    static final int SIZE = 87_368;
    /** Twice the size: a later ISA-L with a larger structure must not write past what kqat allocated. */
    static final long ALLOCATED = 2L * SIZE;

    /** {@code uint8_t *next_out}. */
    static final int NEXT_OUT = 0;
    /** {@code uint32_t avail_out}. */
    static final int AVAIL_OUT = 8;
    /** {@code uint32_t total_out}. */
    static final int TOTAL_OUT = 12;
    /** {@code uint8_t *next_in}. */
    static final int NEXT_IN = 16;
    /** {@code uint32_t avail_in}. */
    static final int AVAIL_IN = 32;
    /** {@code int32_t read_in_length}: bits held in the 64-bit {@code read_in} buffer, not yet decoded. */
    static final int READ_IN_LENGTH = 36;
    /** {@code enum isal_block_state block_state}. */
    static final int BLOCK_STATE = 21_160;
    /** {@code uint32_t crc_flag}: {@link #ISAL_DEFLATE} for raw deflate, no wrapper, no checksum. */
    static final int CRC_FLAG = 21_172;
    /** {@code uint32_t crc}: the CRC32 of the output when {@link #CRC_FLAG} is {@link #ISAL_GZIP_NO_HDR}. */
    static final int CRC = 21_176;
    /** {@code uint32_t hist_bits}: 0 is the default 32 KiB window. */
    static final int HIST_BITS = 21_180;

    static final int ISAL_DEFLATE = 0;
    /** Raw deflate, no header, and the gzip CRC32 of the output computed as it is written. */
    static final int ISAL_GZIP_NO_HDR = 2;

    /** {@code isal_inflate_stateless} results: done, input ended first, output too small. */
    static final int DECOMP_OK = 0;
    static final int END_INPUT = 1;
    static final int OUT_OVERFLOW = 2;

    /** {@code ISAL_BLOCK_INPUT_DONE}: the final block is decoded; output may still wait in the internal buffer. */
    static final int BLOCK_INPUT_DONE = 4;
    /** {@code ISAL_BLOCK_FINISH}: the final block is decoded and all of its output delivered. */
    static final int BLOCK_FINISH = 5;

    /** {@code ISAL_INVALID_BLOCK}, {@code ISAL_INVALID_SYMBOL}, {@code ISAL_INVALID_LOOKBACK}. */
    static final int INVALID_BLOCK = -1;
    static final int INVALID_SYMBOL = -2;
    static final int INVALID_LOOKBACK = -3;

    private InflateState() {
    }

    /** What an {@code isal_inflate} error code means, for the exception message. */
    static String describe(int status) {
        switch (status) {
            case INVALID_BLOCK:
                return "invalid deflate block";
            case INVALID_SYMBOL:
                return "invalid deflate symbol";
            case INVALID_LOOKBACK:
                return "distance too far back";
            default:
                return "isal_inflate error " + status;
        }
    }
}
