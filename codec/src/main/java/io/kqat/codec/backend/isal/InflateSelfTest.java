package io.kqat.codec.backend.isal;

import io.kqat.codec.spi.InflateStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.zip.Deflater;

/**
 * The start-up proof of the {@link InflateState} offsets on the installed ISA-L: inflate zlib's deflate of a sample
 * larger than the 32 KiB window, followed by foreign bytes, through tiny and ordinary windows on either side, and
 * compare the output and where the input stops. A wrong offset shows here as a wrong result or an exception, before
 * any stream is offered.
 */
final class InflateSelfTest {
    /**
     * Input and output window sizes, in pairs: about 2,000 calls in all. Smaller output windows are left to the unit
     * tests: ISA-L moves its 32 KiB history on every call, so they would cost tens of milliseconds.
     */
    private static final int[][] WINDOWS = {{7, 4096}, {4096, 61}, {4096, 1 << 16}};
    private static final byte[] TRAILER = {'n', 'e', 'x', 't', ' ', 'm', 'e', 'm', 'b', 'e', 'r'};

    private InflateSelfTest() {
    }

    /** @return null when every window combination decodes the sample exactly, else what went wrong */
    static String run(Supplier<InflateStream> streams) {
        byte[] sample = sample();
        byte[] deflated = zlibDeflate(sample);
        ByteBuffer input = ByteBuffer.allocateDirect(deflated.length + TRAILER.length).put(deflated).put(TRAILER);
        ByteBuffer output = ByteBuffer.allocateDirect(sample.length + 1);
        try (InflateStream stream = streams.get()) {
            for (int[] windows : WINDOWS) {
                stream.reset();
                String failure = check(stream, input.clear(), output.clear(), windows[0], windows[1], sample,
                        deflated.length);
                if (failure != null) {
                    return "streaming inflate self test failed (" + windows[0] + "-byte input, " + windows[1]
                            + "-byte output windows): " + failure;
                }
            }
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "streaming inflate self test failed: " + e;
        }
    }

    private static String check(InflateStream stream, ByteBuffer input, ByteBuffer output, int inWindow,
                                int outWindow, byte[] expected, int streamLength) {
        boolean done = false;
        for (int calls = 0; !done; calls++) {
            if (calls > 4 * (input.capacity() + output.capacity())) {
                return "no end after " + calls + " calls";
            }
            input.limit(Math.min(input.capacity(), input.position() + inWindow));
            ByteBuffer dst = output.slice().limit(Math.min(outWindow, output.remaining()));
            done = stream.inflate(input, dst);
            output.position(output.position() + dst.position());
            if (!done && input.position() == input.capacity() && dst.hasRemaining()) {
                return "the input was used up before the end of the stream";
            }
        }
        byte[] got = new byte[output.flip().remaining()];
        output.get(got);
        if (!Arrays.equals(got, expected)) {
            return "output differs from the input (" + got.length + " bytes, " + expected.length + " expected)";
        }
        if (input.position() != streamLength) {
            return "input stopped at " + input.position() + ", the stream ends at " + streamLength;
        }
        return null;
    }

    private static byte[] zlibDeflate(byte[] data) {
        Deflater deflater = new Deflater(6, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] out = new byte[data.length + 1024];
            int n = deflater.deflate(out);
            return Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }

    /** 36 KB of log-like lines: literals and matches at distances up to the 32 KiB window. */
    private static byte[] sample() {
        StringBuilder sb = new StringBuilder(37_000);
        long x = 0x9E3779B97F4A7C15L;
        for (int line = 0; sb.length() < 36_000; line++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            sb.append(line).append(" level=").append(line % 3 == 0 ? "WARN" : "INFO").append(" user=")
                    .append(Long.toString(x >>> 40, 36)).append(" bytes=").append(x & 0xFFFF).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
