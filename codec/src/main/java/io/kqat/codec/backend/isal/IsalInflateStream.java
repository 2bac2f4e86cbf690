package io.kqat.codec.backend.isal;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.nativeio.DirectAddress;
import io.kqat.codec.spi.InflateStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ISA-L's streaming {@code isal_inflate} over one raw deflate stream at a time, in any windows of direct memory.
 *
 * <p>ISA-L reads input ahead into a 64-bit bit buffer and, in streaming mode, never gives back the whole bytes it
 * holds: at the end of the stream up to 8 bytes past it may sit in that buffer, read in this call or an earlier one.
 * So this class counts in stream offsets: {@code taken}, the bytes ISA-L has read, and {@code used}, the bytes the
 * caller was told are used (its src position). When a call stops because dst is full, the bytes ISA-L holds undecoded
 * stay in src (they may lie past the end); the next call skips them, as ISA-L already has them. When it stops for want
 * of input, everything it has read belongs to the stream (the symbol it waits for extends past it), so src is used up.
 * At the end, src is positioned at the first byte ISA-L did not decode.
 *
 * <p>One instance per caller, confined to one thread at a time: nothing here is synchronized. The state (about 170 KiB
 * of native memory) is freed by {@link #close()}; any call after that throws {@link IllegalStateException}.
 */
final class IsalInflateStream implements InflateStream {
    private static final AtomicInteger LIVE = new AtomicInteger();
    /** Null once closed. */
    private ReservedState reserved = new ReservedState();
    private final long address;
    private final ByteBuffer state;
    /** Bytes of the stream ISA-L has read since the last reset. */
    private long taken;
    /** Bytes of the stream the caller has moved its src position past. */
    private long used;
    /** Where the stream ends, once ISA-L has decoded the final block; -1 before. */
    private long end = -1;
    /** The data was found corrupt: calls fail until {@link #reset()}. */
    private String failure;

    IsalInflateStream() {
        LIVE.incrementAndGet();
        address = reserved.address;
        state = reserved.fields;
        // init already sets both; kqat checks CRC32 and ISIZE in its own gzip layer, and deflate's window is 32 KiB.
        state.putInt(InflateState.CRC_FLAG, InflateState.ISAL_DEFLATE);
        state.putInt(InflateState.HIST_BITS, 0);
    }

    /** Inflate states allocated and not yet closed, in this JVM. */
    static int liveStates() {
        return LIVE.get();
    }

    @Override
    public void reset() {
        ensureOpen();
        IsalNative.isal_inflate_reset(address); // keeps crc_flag and hist_bits
        taken = 0;
        used = 0;
        end = -1;
        failure = null;
    }

    @Override
    public boolean inflate(ByteBuffer src, ByteBuffer dst) {
        ensureOpen();
        if (failure != null) {
            throw new CorruptGzipException(failure);
        }
        long in = DirectAddress.at(src);
        long out = DirectAddress.at(dst);
        int inLen = src.remaining();
        int outLen = dst.remaining();
        int skip = (int) Math.min(taken - used, inLen); // at src's start, already read by ISA-L
        int fed = end >= 0 ? 0 : inLen - skip;
        state.putLong(InflateState.NEXT_IN, in + skip);
        state.putInt(InflateState.AVAIL_IN, fed);
        state.putLong(InflateState.NEXT_OUT, out);
        state.putInt(InflateState.AVAIL_OUT, outLen);
        int status = IsalNative.isal_inflate(address);
        if (status < 0) {
            // On an error ISA-L leaves next_in and avail_in disagreeing (avail_in may even wrap): positions stay put.
            failure = "corrupt deflate data: " + InflateState.describe(status);
            throw new CorruptGzipException(failure);
        }
        int consumed = fed - state.getInt(InflateState.AVAIL_IN);
        int produced = outLen - state.getInt(InflateState.AVAIL_OUT);
        checkProgressFigures(consumed, fed, produced, outLen);
        dst.position(dst.position() + produced);
        taken += consumed;
        int blockState = state.getInt(InflateState.BLOCK_STATE);
        long before = used;
        used = Math.max(used, Math.min(usableUpTo(blockState, produced == outLen), before + inLen));
        src.position(src.position() + (int) (used - before));
        boolean finished = blockState == InflateState.BLOCK_FINISH && used == end;
        if (!finished && used == before && produced == 0 && inLen > 0 && outLen > 0) {
            failure = "corrupt deflate data: no progress with " + inLen + " bytes of input and "
                    + outLen + " bytes of room";
            throw new CorruptGzipException(failure);
        }
        return finished;
    }

    /** The stream offset up to which the caller may drop its input after this call. */
    private long usableUpTo(int blockState, boolean dstFull) {
        long undecoded = taken - Math.max(0, state.getInt(InflateState.READ_IN_LENGTH)) / 8;
        if (end < 0 && (blockState == InflateState.BLOCK_INPUT_DONE || blockState == InflateState.BLOCK_FINISH)) {
            if (undecoded < used) {
                throw new IllegalStateException("isal_inflate ended the stream before input already given back");
            }
            end = undecoded;
        }
        if (end >= 0) {
            return end;
        }
        return dstFull ? undecoded : taken;
    }

    private static void checkProgressFigures(int consumed, int fed, int produced, int outLen) {
        if (consumed < 0 || consumed > fed || produced < 0 || produced > outLen) {
            throw new IllegalStateException("isal_inflate reported impossible figures (consumed " + consumed + " of "
                    + fed + ", produced " + produced + " of " + outLen + "): its structure layout differs");
        }
    }

    private void ensureOpen() {
        if (reserved == null) {
            throw new IllegalStateException("inflate stream is closed");
        }
    }

    @Override
    public void close() {
        if (reserved != null) {
            reserved.free();
            reserved = null;
            LIVE.decrementAndGet();
        }
    }
}
