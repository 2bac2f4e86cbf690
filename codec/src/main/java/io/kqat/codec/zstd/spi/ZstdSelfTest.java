package io.kqat.codec.zstd.spi;

import io.kqat.codec.BufferLease;
import io.kqat.codec.CorruptZstdException;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The start-up self test of a zstd backend, as {@link io.kqat.codec.spi.SelfTest} is gzip's: compress a sample at a few
 * levels it serves and decode it back through tiny and ordinary windows; decode a reference written by the zstd
 * command-line tool (a frame with checksum and content size, a skippable frame, a second frame); refuse that reference
 * with one byte changed. A library whose behaviour differs from what the bindings expect fails here, at probe time.
 */
public final class ZstdSelfTest {
    /**
     * {@code zstd -19 --check} of {@link #referenceContent()}, a skippable frame (magic 0x184D2A53, "kqat!"), then
     * {@code zstd -1 --no-check} of its first 700 bytes (zstd 1.5.4).
     */
    private static final byte[] REFERENCE = Base64.getDecoder().decode(
            "KLUv/WShBL0MAIYRLBSgtw1mv0sTWagC/u7Nld2Lpd7rMScAJQAlAIpH5lwzy3PK7rNZjLVp05k37DYeLVWEWJss2ZWBgxQRSEGCEghBjJp"
            + "pP95CM0aX72GtlFrDeMPve7IOHW6q+1WyXjuHZ5ixO/fYVAOGisk3XdxUzScx22zpSrPYgz4PdiPL05SqCmGnDVdXVJG58mgPwEH08rVb"
            + "i+o8HK3LX9j4N9/O3871Uf0uId06ymfG+FpxeVM1gKCoEQ267W9gDgWo2QEwhEhHD9vwHclWHy20xSl59Gr2tEVSCtIvcmblhBITRuYnff"
            + "Sj2pcFannqHa2Sva6ZIn9HNkYo+ydOkTrZ1ZoYmuV4rBLLU/VoDSO1NV/+bK0vkGi/AxckYPvt0PPlkGIBRdn3ETp3KaqjA6kYVuGPUMe"
            + "hXhiiSG19Un87krNEuZ3AUKBIW/tUvVrJP4uch4ZhKCC19Un9beXu0e+HLwSo0UsfqLepkpvJHWeYhwN8cGUDPNBctJJjoWlNpHi14qyvf"
            + "dzDKJuV9BlDt9VizfEeV0VHTalVxJ7bp1MqTRgFAAAAa3FhdCEotS/9YLwBLQgAooseF6AlaQPmvlcQ0iz8Q7Dd3b0zAXv+aDMGc/2VEF"
            + "+YZ7da9I+e9DIx/A6yTohE9VDfipg7GLmInSYXsq1sXg1+eqh+67u2tNbd/XhVy6qsKkMttrmDiSGGGLVjx5p5kLkfju7IyclPWaoUngqG"
            + "MAWAgaERjMAEkGAIUwhFIOACC3KKAw6CFcyYCFAZjIkAc0zifBfdGRUXNtmBiXXB5+kQ4Bl4IcGBiu4xf8udPMAEuODzdAjwGM/47qKTsU"
            + "5hnR2YWBd8ng4BnoEVCE6INjK+BHMeYAJc8Hk6BHjg89CkMIZNcGMYBCQGBmSWFHiMhklmDJvgxjAIyMCOoUh5DJQQavBj");
    /** Input and output window sizes, in pairs. */
    private static final int[][] WINDOWS = {{7, 61}, {4096, 1 << 16}};
    private static final int[] LEVELS = {-5, 1, 3, 9, 12};

    private ZstdSelfTest() {
    }

    /** The backend, ready, if its self test passes; otherwise it is closed and the rung skipped with the reason. */
    public static ZstdProbe verified(String name, ZstdBackend backend) {
        return verified(name, backend, backend.capabilities().decodes() ? backend : null);
    }

    /**
     * The same for a backend that does not decode (a device): its frames, at levels 1, 3, 9 and 12 as far as it
     * compresses them, are decoded by {@code decoder}.
     */
    public static ZstdProbe verified(String name, ZstdBackend backend, ZstdBackend decoder) {
        String failure;
        try {
            failure = run(backend, decoder);
        } catch (RuntimeException | LinkageError e) {
            failure = "self test failed: " + e;
        }
        if (failure != null) {
            backend.close();
            return ZstdProbe.skipped(name, failure);
        }
        return ZstdProbe.ready(backend);
    }

    /** @return null when the backend passes, else what went wrong */
    public static String run(ZstdBackend backend) {
        return run(backend, backend.capabilities().decodes() ? backend : null);
    }

    private static String run(ZstdBackend backend, ZstdBackend decoder) {
        if (backend.capabilities().decodes()) {
            byte[] expected = referenceContent();
            String failure = decodes(backend, REFERENCE, expected);
            if (failure != null) {
                return "self test failed: the zstd tool's frames: " + failure;
            }
            byte[] corrupt = REFERENCE.clone();
            corrupt[100] ^= 0x10;
            if (decodes(backend, corrupt, expected) == null) {
                return "self test failed: a corrupt frame decoded";
            }
        }
        byte[] sample = sample();
        for (int level : LEVELS) {
            if (!backend.capabilities().compresses(level)) {
                continue;
            }
            byte[] frame = compress(backend, sample, level);
            String failure = decoder != null ? decodes(decoder, frame, sample) : null;
            if (failure != null) {
                return "self test failed: level " + level + ": " + failure;
            }
        }
        return null;
    }

    /** One frame of {@code data}, in the backend's own memory where it has some (as the engine stages it). */
    private static byte[] compress(ZstdBackend backend, byte[] data, int level) {
        int bound = backend.frameBound(data.length);
        try (BufferLease in = lease(backend.inputMemory(), data.length);
             BufferLease out = lease(backend.outputMemory(), bound)) {
            ByteBuffer src = in.buffer().clear().put(data).flip();
            ByteBuffer dst = out.buffer().clear().limit(bound);
            backend.compress(src, dst, level);
            byte[] frame = new byte[dst.flip().remaining()];
            dst.get(frame);
            return frame;
        }
    }

    private static BufferLease lease(StagingMemory memory, int capacity) {
        BufferLease lease = memory == null ? BufferLease.of(ByteBuffer.allocateDirect(capacity)) : memory.lease(capacity);
        if (lease == null) {
            throw new IllegalStateException("no memory of the backend free for the self test");
        }
        return lease;
    }

    /** null when {@code frames} decodes to {@code expected} through every window pair, else what went wrong. */
    static String decodes(ZstdBackend backend, byte[] frames, byte[] expected) {
        for (int[] w : WINDOWS) {
            ByteBuffer in = ByteBuffer.allocateDirect(frames.length).put(frames).flip();
            ByteBuffer out = ByteBuffer.allocateDirect(expected.length + 1);
            try (ZstdDecodeStream stream = backend.newDecodeStream()) {
                boolean complete = true;
                for (int calls = 0; in.hasRemaining() || !complete; calls++) {
                    if (calls > 4 * (frames.length + expected.length) + 16) {
                        return "no end after " + calls + " calls";
                    }
                    ByteBuffer i = in.slice().limit(Math.min(w[0], in.remaining()));
                    ByteBuffer o = out.slice().limit(Math.min(w[1], out.remaining()));
                    complete = stream.decode(i, o);
                    in.position(in.position() + i.position());
                    out.position(out.position() + o.position());
                    if (!in.hasRemaining() && !complete && o.position() == 0) {
                        return "the input ends inside a frame";
                    }
                }
            } catch (CorruptZstdException e) {
                return e.getMessage();
            }
            byte[] got = new byte[out.flip().remaining()];
            out.get(got);
            if (!Arrays.equals(got, expected)) {
                return "decoded " + got.length + " bytes that differ from the " + expected.length + " expected";
            }
        }
        return null;
    }

    /** The content of {@link #REFERENCE}: 60 small JSON lines, then their first 700 bytes again. */
    static byte[] referenceContent() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            b.append("{\"n\":").append(i * 7919 % 1009).append(",\"v\":\"")
                    .append(Integer.toHexString(i * 31).repeat(1 + i % 4)).append("\"}\n");
        }
        byte[] one = b.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(one, one.length + 700);
        System.arraycopy(one, 0, all, one.length, 700);
        return all;
    }

    /** About 48 KB of JSON lines: more than one window of the small levels' hash tables, less than one block. */
    static byte[] sample() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 48_000; i++) {
            sb.append("{\"id\":").append(i * 7919 % 10007).append(",\"kind\":\"zstd-probe\",\"payload\":\"")
                    .append(Integer.toString(i * 31, 36).repeat(1 + i % 5)).append("\"}\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
