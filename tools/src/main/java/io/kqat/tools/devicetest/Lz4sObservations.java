package io.kqat.tools.devicetest;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.ZstdCodec;
import java.util.Map;

/**
 * Answers, on the device at hand, the open questions about real hardware's LZ4s (CONFORMANCE.md "Open questions",
 * QAT-ZSTD.md §8): a corpus of batches goes through the LZ4s rung, whose converter records what the device's streams
 * looked like (its {@code lz4s*} figures), and the check states it: "no match" tokens and what their offset field holds
 * (questions 1, 2), answers of data kept uncompressed (3), LZ4's end-of-block rules (4), the shortest match with 3-byte
 * matches asked, the largest offset against the window (6), and the longest literal run and match (7). It fails only
 * when the device broke what kqat relies on: a match shorter than asked, an offset beyond the window, or streams not
 * seen for every batch.
 */
final class Lz4sObservations {
    private static final int[] SIZES = {100, 4097, 64 << 10, (128 << 10) + 3, 1 << 20};
    private static final int[] LEVELS = {1, 6, 12};
    private static final int MIN_MATCH = 3;

    private Lz4sObservations() {
    }

    static CheckResult observe(ZstdCodec codec, BackendStatus rung, ZstdCodec decoder) {
        int batches = 0;
        for (int size : SIZES) {
            for (String kind : ZstdBatches.KINDS) {
                for (int level : LEVELS) {
                    byte[] records = ZstdBatches.records(kind, size);
                    ZstdBatches.readBack(decoder, ZstdBatches.frame(codec, records, level), records, size + " bytes of "
                            + kind + " at level " + level);
                    batches++;
                }
            }
        }
        BackendStatus now = ZstdBatches.rung(codec, rung.name());
        Map<String, Long> f = now.detail().figures();
        long streams = f.get("lz4sStreams") - rung.detail().figure("lz4sStreams");
        long stored = f.get("storedByDevice") - rung.detail().figure("storedByDevice");
        long window = f.get("lz4sWindow");
        Verify.equal(now.stats().getErrors() - rung.stats().getErrors(), 0, "device faults (LZ4s the converter refused)");
        Verify.equal(streams + stored, batches, "LZ4s streams and uncompressed answers, one per batch");
        long shortest = f.get("lz4sShortestMatch");
        Verify.that(shortest == 0 || shortest >= MIN_MATCH, "a match of " + shortest + " bytes with " + MIN_MATCH
                + "-byte matches asked");
        Verify.that(f.get("lz4sLongestOffset") <= window, "offset " + f.get("lz4sLongestOffset") + " beyond the "
                + window + "-byte window");
        return CheckResult.pass("lz4s-shape", describe(f, batches, stored, window));
    }

    /** The answers, numbered as CONFORMANCE.md's open questions. */
    static String describe(Map<String, Long> f, int batches, long stored, long window) {
        long noMatch = f.get("lz4sNoMatchTokens");
        long zero = f.get("lz4sNoMatchOffsetZero");
        return batches + " batches (100 B to 1 MiB; events, random, runs; levels 1, 6, 12), " + f.get("lz4sStreams")
                + " LZ4s streams since start: "
                + "[1,2] \"no match\" tokens " + noMatch + (noMatch == 0 ? "" : " (offset field 0 in " + zero
                        + ", other values in " + (noMatch - zero) + ", largest " + f.get("lz4sNoMatchOffsetMax") + ")")
                + "; [3] answers kept uncompressed (dataUncompressed) " + stored
                + " (kqat's LZ4s session asks no auto-select-best)"
                + "; [4] streams breaking LZ4's end rules (a match in the last 12 bytes or < 5 final literals) "
                + f.get("lz4sBreakingLz4EndRules") + ", final tokens without literals " + f.get("lz4sEmptyFinalTokens")
                + "; matches " + f.get("lz4sShortestMatch") + " to " + f.get("lz4sLongestMatch") + " bytes (3-byte "
                + "matches asked)"
                + "; [6] largest offset " + f.get("lz4sLongestOffset") + " (window " + window + ")"
                + "; [7] longest literal run in one token " + f.get("lz4sLongestLiterals");
    }
}
