package io.kqat.codec.backend.isal;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.spi.Backend.Inflated;
import java.nio.ByteBuffer;

/** One whole raw deflate stream through ISA-L's streaming inflater, in one call: {@link IsalBackend#inflate}. */
final class WholeInflater {
    private final IsalInflateStream stream = new IsalInflateStream();
    /**
     * Room after a full dst: ISA-L may stop with dst exactly full before it reads the end-of-block code, so a member
     * whose output fits exactly is told apart from one that needs more room by asking for one byte more.
     */
    private final ByteBuffer probe = ByteBuffer.allocateDirect(1);

    Inflated inflate(ByteBuffer src, ByteBuffer dst) {
        stream.reset();
        ByteBuffer in = src.duplicate();
        ByteBuffer out = dst.duplicate();
        boolean end = stream.inflate(in, out);
        if (!end && !out.hasRemaining()) {
            probe.clear();
            end = stream.inflate(in, probe);
            if (probe.position() > 0) {
                return Inflated.OUTPUT_TOO_SMALL;
            }
        }
        if (!end) {
            throw new CorruptGzipException("truncated deflate data: the stream ends before its final block");
        }
        int consumed = in.position() - src.position();
        int produced = out.position() - dst.position();
        src.position(in.position());
        dst.position(out.position());
        return new Inflated(true, consumed, produced);
    }

    void close() {
        stream.close();
    }
}
