package io.kqat.stress.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What a check found, by kind ({@code lost}, {@code duplicated}, {@code reordered}, {@code altered}): the counts and the
 * listed sequence numbers of a {@code SeqLedger} report, so each problem can be put in the windows its record was in
 * flight in (an altered record with no sequence number is counted in the total only).
 */
final class Problems {
    static final List<String> KINDS = List.of("lost", "duplicated", "reordered", "altered");
    private final long[] counts = new long[KINDS.size()];
    private final List<List<Integer>> seqs = new ArrayList<>();

    /** From a report whose keys are {@code prefix + kind} and {@code prefix + kind + ".seqs"}; a missing count is 0. */
    Problems(Properties report, String prefix) {
        for (int k = 0; k < KINDS.size(); k++) {
            counts[k] = Long.parseLong(report.getProperty(prefix + KINDS.get(k), "0"));
            String listed = report.getProperty(prefix + KINDS.get(k) + ".seqs", "");
            List<Integer> list = new ArrayList<>();
            if (!listed.isEmpty()) {
                Arrays.stream(listed.split(",")).map(Integer::valueOf).forEach(list::add);
            }
            seqs.add(list);
        }
    }

    long count(String kind) {
        return counts[KINDS.indexOf(kind)];
    }

    long total() {
        return Arrays.stream(counts).sum();
    }

    /** Problems of {@code kind} whose record was in flight during {@code w}. */
    long in(String kind, Window w, SendTimes times) {
        return seqs.get(KINDS.indexOf(kind)).stream().filter(seq -> times.inFlight(seq, w)).count();
    }
}
