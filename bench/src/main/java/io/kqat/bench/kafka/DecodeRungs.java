package io.kqat.bench.kafka;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.GzipCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which of kqat's rungs decoded a kqat row's batches, from kqat's own counters: a row is named for the rung that
 * decodes it (the forced one, or the one the default ladder picks), so a batch decoded elsewhere (a fallback, a
 * decline) would measure another rung under its name. {@link #check} fails the row then.
 */
final class DecodeRungs {
    private final GzipCodec codec;
    private final Map<String, long[]> start = new LinkedHashMap<>();

    /** Counts from now on. */
    DecodeRungs(GzipCodec codec) {
        this.codec = codec;
        for (BackendStatus b : codec.backends()) {
            start.put(b.name(), new long[] {b.stats().getDecompressBatches(), b.stats().getFallbacks(),
                    b.stats().getErrors()});
        }
    }

    /** The rung that decodes while nothing fails: the forced one, or the default ladder's choice. */
    String expected() {
        return codec.decompressBackendName();
    }

    /**
     * Fails unless at least {@code atLeast} batches were decoded since this object was made, every one on
     * {@link #expected()} (for a forced row, the forced rung), with no fallback and no error; returns how many.
     */
    long check(KafkaCodec row, long atLeast) {
        String expected = expected();
        if (row.forced() && !expected.equals(row.kqatBackend)) {
            throw new IllegalStateException(row.name + " forces " + row.kqatBackend + " but decodes with " + expected);
        }
        long onExpected = 0;
        for (BackendStatus b : codec.backends()) {
            long[] s = start.getOrDefault(b.name(), new long[3]);
            long decoded = b.stats().getDecompressBatches() - s[0];
            long fellBack = b.stats().getFallbacks() - s[1] + b.stats().getErrors() - s[2];
            if (b.name().equals(expected)) {
                onExpected = decoded;
            } else if (decoded != 0) {
                throw new IllegalStateException(row.name + ": " + decoded + " batches decoded by " + b.name()
                        + ", not by " + expected);
            }
            if (fellBack != 0) {
                throw new IllegalStateException(row.name + ": " + b.name() + " fell back or failed " + fellBack
                        + " times");
            }
        }
        if (onExpected < atLeast) {
            throw new IllegalStateException(row.name + ": " + expected + " decoded " + onExpected
                    + " batches, expected at least " + atLeast);
        }
        return onExpected;
    }
}
