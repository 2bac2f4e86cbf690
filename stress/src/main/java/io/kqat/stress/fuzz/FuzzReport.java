package io.kqat.stress.fuzz;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The counts of a campaign (per rung and path, per verdict; inputs by writer and mutation) and its failures. */
public final class FuzzReport {
    /** One input kqat got wrong on one rung and path, with what is needed to see it again. */
    public static final class Failure {
        public final long index;
        public final String where;
        public final Verdict verdict;
        public final String detail;
        public final byte[] input;

        Failure(long index, String where, Verdict verdict, String detail, byte[] input) {
            this.index = index;
            this.where = where;
            this.verdict = verdict;
            this.detail = detail;
            this.input = input;
        }
    }

    private final Map<String, LongAdder> verdicts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> mutations = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> writers = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> oracle = new ConcurrentHashMap<>();
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    private final LongAdder failureCount = new LongAdder();
    final LongAdder inputs = new LongAdder();
    final LongAdder decodes = new LongAdder();
    volatile String hang;
    volatile Map<String, String> servedBy = Map.of();
    volatile long nanos;

    void verdict(String rung, DecodePath path, Verdict v) {
        count(verdicts, rung + "/" + path.name().toLowerCase() + " " + v.name());
        decodes.increment();
    }

    void input(String mutation, String writerList, boolean oracleAccepted) {
        inputs.increment();
        count(mutations, mutation.split("\\+")[0]);
        for (String w : writerList.split("\\+")) {
            count(writers, w.startsWith("hand-made") ? "hand-made" : w.replaceAll("-[0-9]+$", ""));
            if (w.startsWith("hand-made-flags-")) {
                int flags = Integer.parseInt(w.substring("hand-made-flags-".length()), 16);
                String[] names = {"FTEXT", "FHCRC", "FEXTRA", "FNAME", "FCOMMENT"};
                for (int bit = 1; bit < names.length; bit++) {
                    if ((flags & (1 << bit)) != 0) {
                        count(writers, "hand-made with " + names[bit]);
                    }
                }
            }
        }
        count(oracle, oracleAccepted ? "GZIPInputStream decoded" : "GZIPInputStream rejected");
    }

    void failure(Failure f) {
        failureCount.increment();
        if (failures.size() < 50) {
            failures.add(f);
        }
    }

    public long inputs() {
        return inputs.sum();
    }

    public long failureCount() {
        return failureCount.sum();
    }

    public List<Failure> failures() {
        return failures;
    }

    /** The first decode that ran over the time bound, or null. */
    public String hang() {
        return hang;
    }

    /** Count of one verdict over every rung and path. */
    public long count(Verdict v) {
        long n = 0;
        for (Map.Entry<String, LongAdder> e : verdicts.entrySet()) {
            if (e.getKey().endsWith(" " + v.name())) {
                n += e.getValue().sum();
            }
        }
        return n;
    }

    /** Rungs and paths that ran, e.g. {@code qat/batch}. */
    public List<String> rungPaths() {
        List<String> out = new ArrayList<>();
        for (String k : new TreeMap<>(verdicts).keySet()) {
            String rp = k.substring(0, k.indexOf(' '));
            if (!out.contains(rp)) {
                out.add(rp);
            }
        }
        return out;
    }

    public void print(PrintStream out, long seed) {
        out.printf("inputs: %d, decodes: %d, %.1f s, seed %d, java %s (GZIPInputStream of this JDK is the oracle)%n",
                inputs(), decodes.sum(), nanos / 1e9, seed, System.getProperty("java.version"));
        table(out, "oracle", oracle);
        table(out, "inputs by first mutation", mutations);
        table(out, "members by writer", writers);
        out.println("verdicts per rung/path:");
        Map<String, Map<Verdict, Long>> byRung = new TreeMap<>();
        verdicts.forEach((k, v) -> byRung.computeIfAbsent(k.substring(0, k.indexOf(' ')), x -> new TreeMap<>())
                .put(Verdict.valueOf(k.substring(k.indexOf(' ') + 1)), v.sum()));
        byRung.forEach((rp, counts) -> out.printf("  %-22s %s%n", rp, counts));
        out.println("verdict totals:");
        for (Verdict v : Verdict.values()) {
            out.printf("  %-22s %10d  %s%n", v.name(), count(v), v.meaning);
        }
        out.println("who decoded (per forced codec):");
        servedBy.forEach((k, v) -> out.printf("  %-12s %s%n", k, v));
        out.println("hangs: " + (hang == null ? "0" : "1: " + hang));
        out.println("failures: " + failureCount());
        for (Failure f : failures) {
            out.printf("  input %d %s %s: %s%n    bytes (%d, hex): %s%n", f.index, f.where, f.verdict, f.detail,
                    f.input.length, hex(f.input, 512));
        }
    }

    private static void table(PrintStream out, String title, Map<String, LongAdder> counts) {
        out.println(title + ":");
        new TreeMap<>(counts).forEach((k, v) -> out.printf("  %-34s %10d%n", k, v.sum()));
    }

    private static void count(Map<String, LongAdder> m, String key) {
        m.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    static String hex(byte[] b, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, max); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return b.length > max ? sb + "..." : sb.toString();
    }
}
