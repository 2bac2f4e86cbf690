package io.kqat.codec.spi;

import io.kqat.codec.BufferLease;
import io.kqat.codec.CodecConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The start-up self test of a native backend: deflate a known sample at every level it serves and decode it with the
 * JDK; inflate the JDK's deflate if it inflates; and, for a streaming inflater, {@link #streaming}. A library whose layout or behaviour differs from what the bindings
 * expect fails here, at probe time, and its rung is skipped, instead of corrupting batches later.
 */
public final class SelfTest {
    private static final byte[] SAMPLE = sample();
    /**
     * Input and output window sizes of the streaming check, in pairs: about 2,000 calls in all. Smaller output windows
     * are left to the unit tests: ISA-L moves its 32 KiB history on every call, so they would cost tens of milliseconds.
     */
    private static final int[][] WINDOWS = {{7, 4096}, {4096, 61}, {4096, 1 << 16}};
    private static final byte[] TRAILER = {'n', 'e', 'x', 't', ' ', 'm', 'e', 'm', 'b', 'e', 'r'};
    /** Attempts per operation when the device faults: five in a row is what opens a breaker at run time. */
    private static final int FAULT_ATTEMPTS = 5;

    private SelfTest() {
    }

    /**
     * The end of every native provider's probe: the backend, ready, if its self test passes; otherwise it is closed
     * (nothing it holds leaks, whether the test failed or threw) and the rung is skipped with the reason.
     *
     * @param prefix put before the reason, e.g. "QAT "
     */
    public static Probe verified(String name, Backend backend, String prefix) {
        String failure;
        try {
            failure = run(backend);
        } catch (RuntimeException | LinkageError e) {
            failure = "self test failed: " + e;
        }
        if (failure != null) {
            backend.close();
            return Probe.skipped(name, prefix + failure);
        }
        return Probe.ready(backend);
    }

    /** @return null when the backend passes, else what went wrong */
    public static String run(Backend backend) {
        for (int level = CodecConfig.MIN_LEVEL; level <= CodecConfig.MAX_LEVEL; level++) {
            if (backend.capabilities().compresses(level)) {
                int l = level;
                byte[] out = retryingDeviceFaults(() -> deflate(backend, l));
                if (out == null || !Arrays.equals(jdkInflate(out, SAMPLE.length), SAMPLE)) {
                    return "self test failed: level " + level + " output does not decode to the input";
                }
            }
        }
        if (backend.capabilities().inflates()) {
            return retryingDeviceFaults(() -> checkInflate(backend));
        }
        return null;
    }

    /**
     * A device may fail a request now and then, which at run time the ladder redoes on the next rung and the breaker
     * counts: at start one such fault must not switch the device off for the life of the process. A device fault is
     * retried a few times; wrong bytes and anything else fail the test at once.
     */
    private static <T> T retryingDeviceFaults(Supplier<T> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (BackendException e) {
                if (!e.deviceFault() || attempt == FAULT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static byte[] deflate(Backend backend, int level) {
        try (BufferLease in = lease(backend, SAMPLE.length);
             BufferLease out = lease(backend, backend.deflateBound(SAMPLE.length))) {
            ByteBuffer src = in.buffer().put(SAMPLE).flip();
            ByteBuffer dst = out.buffer();
            Backend.Deflated d = backend.deflate(src, dst, level);
            byte[] result = new byte[d.produced()];
            dst.flip().get(result);
            return result;
        }
    }

    private static String checkInflate(Backend backend) {
        byte[] compressed = zlibDeflate(SAMPLE);
        int n = compressed.length;
        try (BufferLease in = lease(backend, n + 8); BufferLease out = lease(backend, SAMPLE.length)) {
            ByteBuffer src = in.buffer().put(compressed, 0, n).put(new byte[8]).flip();
            ByteBuffer dst = out.buffer();
            Backend.Inflated r = backend.inflate(src, dst);
            byte[] back = new byte[dst.flip().remaining()];
            dst.get(back);
            if (!r.complete() || r.consumed() != n || !Arrays.equals(back, SAMPLE)) {
                return "self test failed: inflating zlib's output gave " + r;
            }
            return null;
        }
    }

    /**
     * The start-up proof of a streaming inflater (its struct offsets on the installed library, say): inflate zlib's
     * deflate of the sample, larger than the 32 KiB window, followed by foreign bytes, through tiny and ordinary windows
     * on either side, and compare the output and where the input stops.
     *
     * @return null when every window combination decodes the sample exactly, else what went wrong
     */
    public static String streaming(Supplier<InflateStream> streams) {
        byte[] sample = SAMPLE;
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

    private static BufferLease lease(Backend backend, int capacity) {
        BufferLease lease = backend.staging().lease(capacity);
        if (lease == null) {
            throw new IllegalStateException("no staging memory for " + capacity + " bytes");
        }
        return lease;
    }

    private static byte[] sample() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 48_000; i++) { // larger than deflate's 32 KiB window
            sb.append("{\"id\":").append(i * 7919 % 10007).append(",\"kind\":\"probe\",\"payload\":\"")
                    .append(Integer.toString(i * 31, 36).repeat(1 + i % 5)).append("\"}\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] jdkInflate(byte[] deflate, int expected) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflate);
            byte[] out = new byte[expected + 1];
            int n = inflater.inflate(out);
            return inflater.finished() ? Arrays.copyOf(out, n) : new byte[0];
        } catch (DataFormatException e) {
            return new byte[0];
        } finally {
            inflater.end();
        }
    }
}
