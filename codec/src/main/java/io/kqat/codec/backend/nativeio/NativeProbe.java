package io.kqat.codec.backend.nativeio;

import io.kqat.codec.backend.Backend;
import io.kqat.codec.backend.BackendProvider;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The start-up self test of a native backend: deflate a known sample at every level it serves and decode it with the
 * JDK; inflate the JDK's deflate if it inflates. A library whose layout or behaviour differs from what the bindings
 * expect fails here, at probe time, and its rung is skipped, instead of corrupting batches later.
 */
public final class NativeProbe {
    private NativeProbe() {
    }

    /**
     * The end of every native provider's probe: the backend, ready, if its self test passes; otherwise it is closed
     * (nothing it holds leaks, whether the test failed or threw) and the rung is skipped with the reason.
     *
     * @param prefix put before the reason, e.g. "QAT "
     */
    public static BackendProvider.Probe verified(String name, Backend backend, String prefix) {
        String failure;
        try {
            failure = selfTest(backend);
        } catch (RuntimeException e) {
            failure = "self test failed: " + e;
        }
        if (failure != null) {
            backend.close();
            return BackendProvider.Probe.skipped(name, prefix + failure);
        }
        return BackendProvider.Probe.ready(backend);
    }

    /** @return null when the backend passes, else what went wrong */
    public static String selfTest(Backend backend) {
        byte[] sample = sample();
        ByteBuffer src = ByteBuffer.allocateDirect(sample.length).put(sample).flip();
        for (int level = 1; level <= 9; level++) {
            if (!backend.supportsCompressLevel(level)) {
                continue;
            }
            ByteBuffer dst = ByteBuffer.allocateDirect(backend.deflateBound(sample.length));
            Backend.Deflated d = backend.deflate(src.duplicate(), dst, level);
            byte[] out = new byte[d.produced()];
            dst.flip().get(out);
            byte[] back = jdkInflate(out, sample.length);
            if (!Arrays.equals(back, sample)) {
                return "self test failed: level " + level + " output does not decode to the input";
            }
        }
        if (backend.supportsDecompress()) {
            java.util.zip.Deflater deflater = new java.util.zip.Deflater(6, true);
            deflater.setInput(sample);
            deflater.finish();
            byte[] compressed = new byte[sample.length + 1024];
            int n = deflater.deflate(compressed);
            deflater.end();
            ByteBuffer in = ByteBuffer.allocateDirect(n + 8).put(compressed, 0, n).put(new byte[8]).flip();
            ByteBuffer out = ByteBuffer.allocateDirect(sample.length);
            Backend.Inflated r = backend.inflate(in, out);
            byte[] back = new byte[out.flip().remaining()];
            out.get(back);
            if (!r.complete() || r.consumed() != n || !Arrays.equals(back, sample)) {
                return "self test failed: inflating zlib's output gave " + r;
            }
        }
        return null;
    }

    private static byte[] sample() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 48_000; i++) {
            sb.append("{\"id\":").append(i * 7919 % 10007).append(",\"kind\":\"probe\",\"payload\":\"")
                    .append(Integer.toString(i * 31, 36).repeat(1 + i % 5)).append("\"}\n");
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
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
