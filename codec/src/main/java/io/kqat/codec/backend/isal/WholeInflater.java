package io.kqat.codec.backend.isal;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.nativeio.DirectAddress;
import io.kqat.codec.spi.Backend.Inflated;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;

/**
 * One whole raw deflate stream in one native call, {@code isal_inflate_stateless}, which also computes the CRC32 of
 * what it writes ({@code crc_flag} {@link InflateState#ISAL_GZIP_NO_HDR}): the gzip layer checks that CRC against the
 * member's trailer and makes no pass of its own over the output. The state (about 170 KiB of native memory) is this
 * object's, reused call after call; stateless inflation resets what it needs itself.
 */
final class WholeInflater {
    /** Native calls made, in this JVM: one per member inflated (tests count them). */
    static final LongAdder CALLS = new LongAdder();

    private final ReservedState reserved = new ReservedState();
    private final long address = reserved.address;
    private final ByteBuffer state = reserved.fields;

    Inflated inflate(ByteBuffer src, ByteBuffer dst) {
        int inLen = src.remaining();
        int outLen = dst.remaining();
        state.putLong(InflateState.NEXT_IN, DirectAddress.at(src));
        state.putInt(InflateState.AVAIL_IN, inLen);
        state.putLong(InflateState.NEXT_OUT, DirectAddress.at(dst));
        state.putInt(InflateState.AVAIL_OUT, outLen);
        state.putInt(InflateState.CRC_FLAG, InflateState.ISAL_GZIP_NO_HDR);
        state.putInt(InflateState.HIST_BITS, 0);
        CALLS.increment();
        int status = IsalNative.isal_inflate_stateless(address);
        if (status == InflateState.OUT_OVERFLOW) {
            return Inflated.OUTPUT_TOO_SMALL;
        }
        if (status == InflateState.END_INPUT) {
            throw new CorruptGzipException("truncated deflate data: the stream ends before its final block");
        }
        if (status != InflateState.DECOMP_OK) {
            throw new CorruptGzipException("corrupt deflate data: " + InflateState.describe(status));
        }
        // Whole bytes ISA-L read ahead into its bit buffer are not part of the stream.
        int unread = state.getInt(InflateState.AVAIL_IN) + Math.max(0, state.getInt(InflateState.READ_IN_LENGTH)) / 8;
        int consumed = inLen - unread;
        int produced = state.getInt(InflateState.TOTAL_OUT);
        if (consumed < 0 || consumed > inLen || produced < 0 || produced > outLen) {
            throw new IllegalStateException("isal_inflate_stateless reported impossible figures (consumed " + consumed
                    + " of " + inLen + ", produced " + produced + " of " + outLen + "): its structure layout differs");
        }
        src.position(src.position() + consumed);
        dst.position(dst.position() + produced);
        return Inflated.withSoftwareCrc(consumed, produced, Integer.toUnsignedLong(state.getInt(InflateState.CRC)));
    }

    void close() {
        reserved.free();
    }
}
