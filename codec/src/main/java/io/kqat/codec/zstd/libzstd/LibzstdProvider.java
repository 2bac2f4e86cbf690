package io.kqat.codec.zstd.libzstd;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.zstd.spi.Sequences;
import io.kqat.codec.zstd.spi.ZstdBackendProvider;
import io.kqat.codec.zstd.spi.ZstdDecodeStream;
import io.kqat.codec.zstd.spi.ZstdProbe;
import io.kqat.codec.zstd.spi.ZstdSelfTest;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Offers {@link LibzstdBackend} when {@code libzstd.so.1} (1.4+) loads and passes the self test; says, in its detail,
 * whether the sequence API the QAT LZ4s path needs is there and works.
 */
public final class LibzstdProvider implements ZstdBackendProvider {

    @Override
    public String name() {
        return LibzstdBackend.NAME;
    }

    @Override
    public int rank() {
        return 50;
    }

    @Override
    public ZstdProbe probe(CodecConfig config) {
        if (ZstdNative.LOAD_FAILURE != null) {
            return ZstdProbe.skipped(name(), ZstdNative.LOAD_FAILURE);
        }
        ZstdProbe probe = ZstdSelfTest.verified(name(), new LibzstdBackend(null));
        if (probe.backend() == null) {
            return probe;
        }
        String sequences = SequenceCompressor.unavailable();
        if (sequences == null) {
            sequences = sequenceSelfTest((LibzstdBackend) probe.backend());
        }
        if (sequences == null) {
            return probe;
        }
        probe.backend().close();
        return ZstdProbe.ready(new LibzstdBackend(sequences));
    }

    /**
     * {@code ZSTD_compressSequences} over a hand-made parse (literals, a 3-byte match, a long overlapping match, a
     * block delimiter with trailing literals), decoded back. null when it round-trips, else what went wrong.
     */
    static String sequenceSelfTest(LibzstdBackend backend) {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i < 10 ? 'a' + i : i < 13 ? 'a' + i - 10 : i < 990 ? data[i - 7] : 'z' - i % 7);
        }
        Sequences seqs = new Sequences(data.length);
        seqs.match(10, 10, 3);   // "abcdefghij" then "abc" from 10 back
        seqs.match(7, 0, 977);   // to 990: the last 7 bytes again and again (an overlapping match)
        seqs.delimiter(10);
        try (SequenceCompressor compressor = SequenceCompressor.create()) {
            ByteBuffer src = ByteBuffer.allocateDirect(data.length).put(data).flip();
            ByteBuffer frame = ByteBuffer.allocateDirect(backend.frameBound(data.length));
            compressor.compress(src, seqs, frame, 3);
            frame.flip();
            ByteBuffer out = ByteBuffer.allocateDirect(data.length + 1);
            try (ZstdDecodeStream d = backend.newDecodeStream()) {
                if (!d.decode(frame, out) || frame.hasRemaining()) {
                    return "sequence self test failed: the frame did not decode whole";
                }
            }
            byte[] got = new byte[out.flip().remaining()];
            out.get(got);
            return Arrays.equals(got, data) ? null : "sequence self test failed: the frame decodes to other bytes";
        } catch (RuntimeException e) {
            return "sequence self test failed: " + e;
        }
    }
}
