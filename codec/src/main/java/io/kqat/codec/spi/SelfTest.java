package io.kqat.codec.spi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The start-up self test of a native backend: deflate a known sample at every level it serves and decode it with the
 * JDK; inflate the JDK's deflate if it inflates. A library whose layout or behaviour differs from what the bindings
 * expect fails here, at probe time, and its rung is skipped, instead of corrupting batches later.
 */
public final class SelfTest {
    private static final byte[] SAMPLE = sample();
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
        for (int level = 1; level <= 9; level++) {
            if (backend.supportsCompressLevel(level)) {
                int l = level;
                byte[] out = retryingDeviceFaults(() -> deflate(backend, l));
                if (out == null || !Arrays.equals(jdkInflate(out, SAMPLE.length), SAMPLE)) {
                    return "self test failed: level " + level + " output does not decode to the input";
                }
            }
        }
        if (backend.supportsDecompress()) {
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
        Deflater deflater = new Deflater(6, true);
        byte[] compressed = new byte[SAMPLE.length + 1024];
        int n;
        try {
            deflater.setInput(SAMPLE);
            deflater.finish();
            n = deflater.deflate(compressed);
        } finally {
            deflater.end();
        }
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

    private static BufferLease lease(Backend backend, int capacity) {
        BufferLease lease = backend.staging().lease(capacity);
        if (lease == null) {
            throw new IllegalStateException("no staging memory for " + capacity + " bytes");
        }
        return lease;
    }

    private static byte[] sample() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 48_000; i++) {
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
