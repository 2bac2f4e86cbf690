package io.kqat.stress.cluster;

import io.kqat.local.ClusterNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kqat's counters in each broker, summed over the node's launches with the agent: read just before each stop or kill
 * (a launch's counters die with it) and at the end. Shows that kqat really served in every broker that had it.
 */
final class BrokerLives {
    static final List<String> COUNTERS = List.of("decompressBatches", "compressBatches", "errors", "fallbacks");
    private final Map<Integer, long[]> totals = new TreeMap<>();
    private final Map<Integer, Integer> launches = new TreeMap<>();

    /** The node is about to stop or die: adds its launch's counters if it runs kqat. */
    void ending(ClusterNode node) {
        if (!node.isRunning() || !node.setup().hasAgent()) {
            return;
        }
        long[] sum = totals.computeIfAbsent(node.id(), id -> new long[COUNTERS.size()]);
        for (int c = 0; c < COUNTERS.size(); c++) {
            sum[c] += node.jmx().kqatCounter(COUNTERS.get(c));
        }
        launches.merge(node.id(), 1, Integer::sum);
    }

    /** {@code counter} summed over the node's kqat launches so far. */
    long total(int node, String counter) {
        long[] sum = totals.get(node);
        return sum == null ? 0 : sum[COUNTERS.indexOf(counter)];
    }

    /** One line per node that ran kqat: its launches and counters. */
    String describe() {
        StringBuilder out = new StringBuilder();
        totals.forEach((id, sum) -> {
            out.append("  node ").append(id).append(": ").append(launches.get(id)).append(" launch(es) with kqat;");
            for (int c = 0; c < COUNTERS.size(); c++) {
                out.append(' ').append(COUNTERS.get(c)).append(' ').append(sum[c]);
            }
            out.append(System.lineSeparator());
        });
        return out.toString();
    }
}
