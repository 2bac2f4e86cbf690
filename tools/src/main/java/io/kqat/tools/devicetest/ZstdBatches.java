package io.kqat.tools.devicetest;

import com.github.luben.zstd.Zstd;
import io.kqat.codec.BackendStatus;
import io.kqat.codec.ZstdCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * zstd batches as Kafka's zstd hook makes them (records written in pieces into the codec's batch stream, which keeps
 * them in the device's mapped region, one frame out at close), and read back by both decoders a Kafka reader may use:
 * zstd-jni (Kafka's own) and libzstd (kqat's decoding rung). A frame either one refuses or decodes to other bytes
 * fails the check.
 */
final class ZstdBatches {
    /** Kinds of records: Kafka-like JSON events, random bytes (incompressible), and long runs with short repeats. */
    static final String[] KINDS = {"events", "random", "runs"};

    private ZstdBatches() {
    }

    static byte[] records(String kind, int size) {
        switch (kind) {
            case "events":
                return Batches.events(size, size);
            case "random":
                return Batches.random(size, size);
            default:
                byte[] b = new byte[size];
                for (int i = 0; i < size; i++) {
                    b[i] = (byte) (i / 777 % 3 == 0 ? 'x' : i % 251);
                }
                return b;
        }
    }

    /** One batch's frame, written as the hook writes it. */
    static byte[] frame(ZstdCodec codec, byte[] records, int level) {
        ByteArrayOutputStream kafka = new ByteArrayOutputStream();
        try (OutputStream out = codec.batchOutputStream(kafka, level)) {
            for (int i = 0; i < records.length; i += 1000) {
                out.write(records, i, Math.min(1000, records.length - i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kafka.toByteArray();
    }

    /** The frame decodes to {@code records} byte for byte through zstd-jni and through {@code codec}'s libzstd rung. */
    static void readBack(ZstdCodec codec, byte[] frame, byte[] records, String what) {
        byte[] jni;
        try {
            jni = Zstd.decompress(frame, records.length);
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": zstd-jni refused the frame: " + e.getMessage(), e);
        }
        Verify.that(Arrays.equals(jni, records), what + ": zstd-jni decodes the frame to other bytes");
        byte[] libzstd;
        try {
            libzstd = codec.decompress(frame);
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": libzstd refused the frame: " + e.getMessage(), e);
        }
        Verify.that(Arrays.equals(libzstd, records), what + ": libzstd decodes the frame to other bytes");
    }

    /** The rung named {@code name} of {@code codec}, ready or not. */
    static BackendStatus rung(ZstdCodec codec, String name) {
        return codec.backends().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the zstd ladder has no rung " + name));
    }
}
