package io.kqat.tools.devicetest;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.BufferLease;
import io.kqat.codec.GzipCodec;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/** Batches as Kafka makes them: written into the codec's batch memory, compressed into one member, read back. */
final class Batches {
    private Batches() {
    }

    static byte[] events(long seed, int size) {
        return new KafkaLikeEvents(seed).fill(size);
    }

    static byte[] random(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** One member of {@code data} at {@code level}, from batch memory (a device-mapped slot run where there is one). */
    static byte[] compress(GzipCodec codec, byte[] data, int level) {
        try (BufferLease lease = codec.acquireBatchBuffer(data.length)) {
            ByteBuffer in = lease.buffer();
            in.put(data).flip();
            ByteBuffer out = ByteBuffer.allocate(codec.maxCompressedLength(data.length));
            codec.compress(in, out, level);
            return Arrays.copyOf(out.array(), out.position());
        }
    }

    /** Compresses and reads back; fails the check when the bytes differ. */
    static void roundTrip(GzipCodec codec, byte[] data, int level, String what) {
        byte[] back = codec.decompress(compress(codec, data, level));
        Verify.that(Arrays.equals(back, data), what + ": the member does not decode to the batch");
    }

    /** What a rung has done so far: batches both ways, device faults, and one detail figure. */
    record Counts(long compressed, long decompressed, long errors, long fallbacks) {
        static Counts of(BackendStatus rung) {
            var s = rung.stats();
            return new Counts(s.getCompressBatches(), s.getDecompressBatches(), s.getErrors(), s.getFallbacks());
        }

        Counts since(Counts before) {
            return new Counts(compressed - before.compressed, decompressed - before.decompressed,
                    errors - before.errors, fallbacks - before.fallbacks);
        }
    }

    static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }
}
