package io.kqat.codec.zstd.lz4s;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the device's LZ4s streams looked like, summed over every stream {@link Lz4sConverter} accepted: the facts the
 * sources leave open about real hardware (CONFORMANCE.md "Open questions"), so {@code kqat device-test} can answer them
 * on a device. "No match" tokens and what their offset field holds; the shortest and longest match, the longest offset
 * and literal run; streams that break LZ4's end-of-block rules (a match starting in the last 12 bytes, or fewer than 5
 * literals at the end) and streams whose final token has no literals. Thread-safe; one per rung.
 */
public final class Lz4sShape {
    /** LZ4's end-of-block rules: the last match starts at least 12 bytes before the end, the last 5 bytes are literals. */
    static final int LZ4_LAST_MATCH_FROM_END = 12;
    static final int LZ4_LAST_LITERALS = 5;

    private final LongAdder streams = new LongAdder();
    private final LongAdder noMatchTokens = new LongAdder();
    private final LongAdder noMatchOffsetZero = new LongAdder();
    private final LongAccumulator noMatchOffsetMax = new LongAccumulator(Math::max, 0);
    private final LongAccumulator shortestMatch = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator longestMatch = new LongAccumulator(Math::max, 0);
    private final LongAccumulator longestOffset = new LongAccumulator(Math::max, 0);
    private final LongAccumulator longestLiterals = new LongAccumulator(Math::max, 0);
    private final LongAdder breakingLz4EndRules = new LongAdder();
    private final LongAdder emptyFinalTokens = new LongAdder();

    /**
     * One accepted stream, its observations gathered in the converter's locals and added here once per stream.
     *
     * @param lastMatchStart where the last match starts in the input (meaningful when {@code longestMatch > 0})
     * @param finalLiterals  bytes after the last match (all of the input when there is none)
     */
    void add(int inputLength, int noMatches, int noMatchZero, int noMatchMax, int shortest, int longest, int farthest,
             long mostLiterals, long lastMatchStart, long finalLiterals) {
        streams.increment();
        noMatchTokens.add(noMatches);
        noMatchOffsetZero.add(noMatchZero);
        noMatchOffsetMax.accumulate(noMatchMax);
        if (longest > 0) {
            shortestMatch.accumulate(shortest);
            longestMatch.accumulate(longest);
            longestOffset.accumulate(farthest);
            if (inputLength - lastMatchStart < LZ4_LAST_MATCH_FROM_END || finalLiterals < LZ4_LAST_LITERALS) {
                breakingLz4EndRules.increment();
            }
        }
        longestLiterals.accumulate(mostLiterals);
        if (finalLiterals == 0) {
            emptyFinalTokens.increment();
        }
    }

    /** The figures, each named {@code lz4s...}; the shortest match is 0 while no match was seen. */
    public Map<String, Long> figures() {
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("lz4sStreams", streams.sum());
        f.put("lz4sNoMatchTokens", noMatchTokens.sum());
        f.put("lz4sNoMatchOffsetZero", noMatchOffsetZero.sum());
        f.put("lz4sNoMatchOffsetMax", noMatchOffsetMax.get());
        long shortest = shortestMatch.get();
        f.put("lz4sShortestMatch", shortest == Long.MAX_VALUE ? 0 : shortest);
        f.put("lz4sLongestMatch", longestMatch.get());
        f.put("lz4sLongestOffset", longestOffset.get());
        f.put("lz4sLongestLiterals", longestLiterals.get());
        f.put("lz4sBreakingLz4EndRules", breakingLz4EndRules.sum());
        f.put("lz4sEmptyFinalTokens", emptyFinalTokens.sum());
        return f;
    }
}
