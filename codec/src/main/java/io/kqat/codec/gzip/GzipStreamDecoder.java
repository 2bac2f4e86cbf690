package io.kqat.codec.gzip;

import io.kqat.codec.BufferLease;
import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.InflateRestart;
import io.kqat.codec.spi.InflateStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Decodes a gzip stream member by member with fixed memory: an input window ({@link CompressedInput}) and an output
 * window the caller reads from. A member whose body and output fit the windows is inflated in one call by the first
 * rung of the decompression route (QAT, ISA-L, the JDK); a larger one is inflated piece by piece by the route's best
 * streaming inflater (ISA-L, zlib), so a member's size or ratio never changes the memory used. Every member is decoded
 * once and its CRC32 computed once (by the device when it inflated the member, here otherwise); every trailer is
 * checked; the output of all members together is bounded; zero bytes after the last member are ignored, as gzip does.
 */
public final class GzipStreamDecoder implements AutoCloseable {
    /** Bytes whose CRC32 decoders computed on the host, in this JVM (none for a member whose inflater computed it). */
    private static final java.util.concurrent.atomic.LongAdder HOST_CRC_BYTES = new java.util.concurrent.atomic.LongAdder();

    private final CompressedInput input;
    private final BodyInflater inflater;
    private final BufferLease outLease;
    private final ByteBuffer out;
    private final long maxOutput;
    private static final long NO_CRC = Backend.Deflated.NO_CRC;
    private final CRC32 crc = new CRC32();
    /** The CRC32 the backend computed for this member (a device, ISA-L), or {@link #NO_CRC} when computed here. */
    private long deviceCrc = NO_CRC;
    private InflateStream pieces;
    private final MemberReplay replay = new MemberReplay();
    private long total;
    private long memberBytes;
    private int members;
    private boolean inBody;
    private boolean finished;

    /**
     * @param output    the output window's memory (its whole capacity is used)
     * @param maxOutput bound on the bytes of all members together
     */
    public GzipStreamDecoder(CompressedInput input, BodyInflater inflater, BufferLease output, long maxOutput) {
        this.input = input;
        this.inflater = inflater;
        this.outLease = output;
        this.out = output.buffer();
        this.out.clear().flip();
        this.maxOutput = maxOutput;
    }

    /**
     * Decoded bytes ready to read, at least one unless the stream has ended: position to limit. Read them by advancing
     * the position; the next call decodes more once they are used up.
     *
     * @return the window, or null at the end of the stream
     */
    public ByteBuffer next() throws IOException {
        while (!out.hasRemaining()) {
            if (finished) {
                return null;
            }
            out.clear();
            decode();
            out.flip();
        }
        return out;
    }

    private void decode() throws IOException {
        if (!inBody) {
            if (!startMember()) {
                finished = true;
                return;
            }
            if (wholeMember()) {
                return;
            }
        }
        inflatePiece();
    }

    /** Parses the next member's header; false at the end of the stream (or of zero padding after the last member). */
    private boolean startMember() throws IOException {
        ByteBuffer w = input.window();
        if (!w.hasRemaining() && !input.fill() && members > 0) {
            return false;
        }
        if (members > 0 && w.get(w.position()) == 0) {
            skipZeroPadding();
            return false;
        }
        if (!w.hasRemaining()) {
            throw new CorruptGzipException("empty input is not gzip");
        }
        while (true) {
            ByteBuffer probe = w.duplicate();
            try {
                GzipFormat.skipHeader(probe);
                w.position(probe.position());
                break;
            } catch (CorruptGzipException e) {
                if (!e.getMessage().startsWith("truncated") || !input.fill()) {
                    throw e;
                }
            }
        }
        crc.reset();
        memberBytes = 0;
        inBody = true;
        input.mark();
        return true;
    }

    private void skipZeroPadding() throws IOException {
        ByteBuffer w = input.window();
        do {
            while (w.hasRemaining()) {
                if (w.get() != 0) {
                    throw new CorruptGzipException("trailing bytes after the last gzip member that are neither a member nor zeros");
                }
            }
        } while (input.fill());
    }

    /**
     * Inflates the member in one call when its body is in the window and its output fits the output window. When the
     * window may have cut the body short, the window is refilled once and tried again; otherwise the member is left to
     * the piece-by-piece path, having cost at most one window of wasted work.
     */
    private boolean wholeMember() throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            ByteBuffer w = input.window();
            ByteBuffer body = w.duplicate();
            if (input.atEnd()) {
                // The last 8 bytes are a trailer whatever the member count: the backend never needs to see them.
                body.limit(Math.max(body.position(), body.limit() - GzipFormat.TRAILER_SIZE));
            }
            Backend.Inflated r;
            try {
                r = inflater.whole(body, out.duplicate(), !input.atEnd());
            } catch (CorruptGzipException e) {
                if (input.atEnd()) {
                    throw e;
                }
                if (!input.fill()) {
                    return false; // a body longer than the window: piece by piece
                }
                continue; // perhaps only cut short by the window
            }
            if (!r.complete()) {
                return false; // more output than the window holds
            }
            w.position(w.position() + r.consumed());
            if (r.hasCrc()) {
                deviceCrc = r.crc32(); // the engine's (a device's already checked): no second pass over the output
            }
            produced(out, out.position(), r.produced());
            out.position(out.position() + r.produced());
            endMember();
            return true;
        }
        return false;
    }

    private void inflatePiece() throws IOException {
        if (pieces == null) {
            pieces = inflater.pieces();
        }
        ByteBuffer w = input.window();
        while (out.hasRemaining()) {
            int outStart = out.position();
            int inStart = w.position();
            long toDrop = replay.left();
            boolean end;
            try {
                end = toDrop > 0 ? replay.inflate(pieces, w, out) : pieces.inflate(w, out);
            } catch (InflateRestart e) {
                out.position(outStart);
                replay.start(e, input, memberBytes, crc.getValue());
                return; // what the window holds is handed on first; the member is produced again from the next call
            }
            boolean progress = w.position() != inStart || out.position() != outStart || replay.left() != toDrop;
            produced(out, outStart, out.position() - outStart);
            if (end) {
                pieces.reset();
                endMember();
                return;
            }
            if (!progress || !w.hasRemaining()) {
                if (!input.fill()) {
                    if (input.atEnd()) {
                        throw new CorruptGzipException("truncated gzip member: input ended inside the deflate data");
                    }
                    throw new CorruptGzipException("deflate data makes no progress");
                }
            }
        }
    }

    private void produced(ByteBuffer buffer, int start, int n) {
        if (n == 0) {
            return;
        }
        total += n;
        memberBytes += n;
        if (total > maxOutput) {
            throw new OutputLimitExceededException(maxOutput);
        }
        if (deviceCrc != NO_CRC) {
            return;
        }
        ByteBuffer part = buffer.duplicate();
        part.limit(start + n).position(start);
        crc.update(part);
        HOST_CRC_BYTES.add(n);
    }

    /** Bytes whose CRC32 this JVM's decoders computed themselves, a second pass over the output (tests count them). */
    public static long hostCrcBytes() {
        return HOST_CRC_BYTES.sum();
    }

    private void endMember() throws IOException {
        ByteBuffer w = input.window();
        while (w.remaining() < GzipFormat.TRAILER_SIZE && input.fill()) {
            w = input.window();
        }
        GzipFormat.checkTrailer(w, deviceCrc != NO_CRC ? deviceCrc : crc.getValue(), memberBytes);
        input.unmark();
        deviceCrc = NO_CRC;
        members++;
        inBody = false;
    }

    @Override
    public void close() {
        if (pieces != null) {
            pieces.close();
            pieces = null;
        }
        input.close();
        outLease.close();
    }
}
