package io.kqat.codec.gzip;

import io.kqat.codec.KqatException;
import io.kqat.codec.spi.InflateRestart;
import io.kqat.codec.spi.InflateStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * A member being redone from its start on the next rung after its rung failed mid-stream: the bytes already handed on
 * are produced again, their CRC32 compared with what was handed on, and dropped; then decoding goes on where it was.
 */
final class MemberReplay {
    private final CRC32 crc = new CRC32();
    /** Bytes still to produce again and drop. */
    private long left;
    private long expectedCrc;
    private long length;

    /** Bytes still to produce again and drop: 0 when no replay is under way. */
    long left() {
        return left;
    }

    /**
     * Gives the member's deflate data again from its first byte, and arranges for the first {@code handedOn} bytes of
     * output to be dropped.
     *
     * @throws KqatException when the input no longer holds the member's start (a member larger than the input window)
     */
    void start(InflateRestart restart, CompressedInput input, long handedOn, long handedOnCrc) {
        if (!input.rewind()) {
            throw new KqatException("a rung failed in the middle of a member whose start has left the input window, "
                    + "so no other rung can redo it: " + restart.getCause(), restart.getCause());
        }
        left = handedOn;
        length = handedOn;
        expectedCrc = handedOnCrc;
        crc.reset();
    }

    /**
     * Produces up to the bytes still to drop into {@code out}'s room and drops them (out's position is left as it
     * was); once all are produced again, checks them against what was handed on.
     *
     * @return whether the member ended (only a member shorter than what was handed on could: corrupt or a bad rung)
     */
    boolean inflate(InflateStream pieces, ByteBuffer in, ByteBuffer out) {
        int start = out.position();
        ByteBuffer room = out.duplicate();
        room.limit((int) Math.min(out.limit(), start + left));
        boolean end = pieces.inflate(in, room);
        int n = room.position() - start;
        room.flip().position(start);
        crc.update(room);
        left -= n;
        if (left == 0 && crc.getValue() != expectedCrc || end && left > 0) {
            throw new KqatException("two rungs inflated the first " + length + " bytes of a member differently: the "
                    + "bytes already read cannot be trusted");
        }
        return end;
    }
}
