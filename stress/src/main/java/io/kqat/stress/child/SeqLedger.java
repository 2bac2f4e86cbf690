package io.kqat.stress.child;

import io.kqat.samples.KafkaLikeEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What a consumer read of the sequence-numbered records ({@code KafkaLikeEvents.record(seed, seq)}, record {@code seq}
 * sent to partition {@code seq % partitions}): each sequence number seen, and each problem by kind: seen again
 * (duplicated), seen after a higher one of its partition (reordered), or not a record that was sent there (altered:
 * other bytes, an unknown sequence number, or the wrong partition). The first {@value #LISTED} problems of each kind
 * are kept by sequence number, so a report can say which records, and when they were sent.
 */
public final class SeqLedger {
    /** Problems listed by sequence number, per kind. */
    static final int LISTED = 1000;

    private final long seed;
    private final int partitions;
    private final long bound;
    private final BitSet seen = new BitSet();
    private final long[] highest;
    private final List<Integer> duplicated = new ArrayList<>();
    private final List<Integer> reordered = new ArrayList<>();
    private final List<Integer> altered = new ArrayList<>();
    private long read;
    private long duplicates;
    private long reorders;
    private long alterations;
    private String first = "";

    /** @param bound sequence numbers at or above it were never sent ({@link Long#MAX_VALUE}: not known) */
    public SeqLedger(long seed, int partitions, long bound) {
        this.seed = seed;
        this.partitions = partitions;
        this.bound = bound;
        this.highest = new long[partitions];
        Arrays.fill(highest, -1);
    }

    /** Books one record read from {@code partition} at {@code offset}. */
    public void record(int partition, long offset, byte[] value) {
        read++;
        int seq = seqOf(value);
        if (seq < 0 || seq >= bound || seq % partitions != partition
                || !Arrays.equals(value, KafkaLikeEvents.record(seed, seq))) {
            alterations++;
            list(altered, Math.max(seq, -1));
            problem("offset " + offset + " of partition " + partition + " is not a record that was sent there");
            return;
        }
        if (seen.get(seq)) {
            duplicates++;
            list(duplicated, seq);
            problem("seq " + seq + " again at offset " + offset + " of partition " + partition);
        } else if (seq < highest[partition]) {
            reorders++;
            list(reordered, seq);
            problem("seq " + seq + " after seq " + highest[partition] + " at offset " + offset + " of partition " + partition);
        }
        seen.set(seq);
        highest[partition] = Math.max(highest[partition], seq);
    }

    /** Every sequence number read at least once. */
    public BitSet seen() {
        return (BitSet) seen.clone();
    }

    public long distinct() {
        return seen.cardinality();
    }

    /** Sequence numbers below {@code expected} never read. */
    public long lost(long expected) {
        return expected - seen.get(0, Math.toIntExact(expected)).cardinality();
    }

    /** No duplicate, no reorder, no altered record so far. */
    public boolean clean() {
        return duplicates == 0 && reorders == 0 && alterations == 0;
    }

    /**
     * The figures as report entries: {@code read}, {@code distinct}, {@code duplicated}, {@code reordered},
     * {@code altered}, and with {@code expected} known (non-negative), {@code lost}; the listed sequence numbers of each
     * kind ({@code lost.seqs}, ..., comma-separated; -1 for an altered record with no sequence number), and
     * {@code firstProblem}.
     */
    public void putAll(Properties p, long expected) {
        p.setProperty("read", Long.toString(read));
        p.setProperty("distinct", Long.toString(distinct()));
        p.setProperty("duplicated", Long.toString(duplicates));
        p.setProperty("reordered", Long.toString(reorders));
        p.setProperty("altered", Long.toString(alterations));
        p.setProperty("duplicated.seqs", joined(duplicated));
        p.setProperty("reordered.seqs", joined(reordered));
        p.setProperty("altered.seqs", joined(altered));
        String firstProblem = first;
        if (expected >= 0) {
            long lost = lost(expected);
            List<Integer> lostSeqs = new ArrayList<>();
            for (int s = seen.nextClearBit(0); s < expected && lostSeqs.size() < LISTED; s = seen.nextClearBit(s + 1)) {
                lostSeqs.add(s);
            }
            p.setProperty("lost", Long.toString(lost));
            p.setProperty("lost.seqs", joined(lostSeqs));
            firstProblem = lost > 0 && first.isEmpty() ? "first lost seq " + lostSeqs.get(0) : first;
        }
        p.setProperty("firstProblem", firstProblem);
    }

    /** The n of a record's leading {@code {"seq":n,}, or -1. */
    static int seqOf(byte[] value) {
        String head = new String(value, 0, Math.min(value.length, 24), StandardCharsets.US_ASCII);
        if (!head.startsWith("{\"seq\":")) {
            return -1;
        }
        int end = head.indexOf(',');
        try {
            return end < 0 ? -1 : Integer.parseInt(head.substring(7, end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void problem(String text) {
        first = first.isEmpty() ? text : first;
    }

    private static void list(List<Integer> seqs, int seq) {
        if (seqs.size() < LISTED) {
            seqs.add(seq);
        }
    }

    private static String joined(List<Integer> seqs) {
        return seqs.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
