package io.kqat.stress.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The consumer group's members together: every record sent read by exactly one member. Lost: read by none;
 * duplicated: read twice by one member or by both; reordered and altered: as each member found. Reported with the
 * keys a {@code SeqLedger} report has, so {@link Problems} reads it.
 */
final class GroupCheck {
    private static final int LISTED = 1000;

    private GroupCheck() {
    }

    /** @param members each member's report (its own counts) and the file of sequence numbers it saw */
    static Properties of(long expected, List<Properties> members, List<Path> seenFiles) {
        BitSet union = new BitSet();
        BitSet twice = new BitSet();
        long duplicated = 0;
        long reordered = 0;
        long altered = 0;
        List<Integer> duplicatedSeqs = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            BitSet seen = read(seenFiles.get(m));
            BitSet overlap = (BitSet) seen.clone();
            overlap.and(union);
            twice.or(overlap);
            union.or(seen);
            Properties r = members.get(m);
            duplicated += Long.parseLong(r.getProperty("duplicated"));
            reordered += Long.parseLong(r.getProperty("reordered"));
            altered += Long.parseLong(r.getProperty("altered"));
            listed(r.getProperty("duplicated.seqs"), duplicatedSeqs);
        }
        duplicated += twice.cardinality();
        twice.stream().limit(LISTED).forEach(duplicatedSeqs::add);
        List<Integer> lost = new ArrayList<>();
        for (int s = union.nextClearBit(0); s < expected && lost.size() < LISTED; s = union.nextClearBit(s + 1)) {
            lost.add(s);
        }
        Properties p = new Properties();
        p.setProperty("lost", Long.toString(expected - union.get(0, Math.toIntExact(expected)).cardinality()));
        p.setProperty("lost.seqs", joined(lost));
        p.setProperty("duplicated", Long.toString(duplicated));
        p.setProperty("duplicated.seqs", joined(duplicatedSeqs));
        p.setProperty("reordered", Long.toString(reordered));
        p.setProperty("reordered.seqs", members.stream().map(r -> r.getProperty("reordered.seqs"))
                .filter(v -> !v.isEmpty()).collect(Collectors.joining(",")));
        p.setProperty("altered", Long.toString(altered));
        p.setProperty("altered.seqs", members.stream().map(r -> r.getProperty("altered.seqs"))
                .filter(v -> !v.isEmpty()).collect(Collectors.joining(",")));
        return p;
    }

    private static BitSet read(Path file) {
        try {
            return BitSet.valueOf(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void listed(String seqs, List<Integer> into) {
        if (seqs != null && !seqs.isEmpty()) {
            for (String s : seqs.split(",")) {
                into.add(Integer.valueOf(s));
            }
        }
    }

    private static String joined(List<Integer> seqs) {
        return seqs.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
