package io.kqat.stress.cluster;

import io.kqat.local.ClusterNode;

/**
 * The emulated QAT device of one broker only (the leader of partition 0, so it decodes that partition's batches)
 * fails a share of its requests while {@code records} more records are sent; the other brokers' devices stay sound.
 */
final class BrokerDeviceFaults implements ClusterEvent {
    private final int percent;
    private final long records;

    BrokerDeviceFaults(int percent, long records) {
        this.percent = percent;
        this.records = records;
    }

    @Override
    public String name() {
        return "device faults (" + percent + "%) on one broker";
    }

    @Override
    public String after() {
        return "kqat brokers";
    }

    @Override
    public void run(Stage stage) {
        ClusterNode node = stage.cluster.leaderOf(stage.topic, 0)
                .orElseThrow(() -> new IllegalStateException("partition 0 has no leader"));
        long errors = node.jmx().kqatCounter("errors");
        long fallbacks = node.jmx().kqatCounter("fallbacks");
        long decoded = node.jmx().kqatCounter("decompressBatches");
        long injectedBefore = injected(node);
        node.injectDeviceFaults(percent);
        stage.workload.awaitSent(stage.workload.sent() + records, stage.timeout);
        node.injectDeviceFaults(0);
        long injected = node.injectedDeviceFaults() - injectedBefore;
        errors = node.jmx().kqatCounter("errors") - errors;
        fallbacks = node.jmx().kqatCounter("fallbacks") - fallbacks;
        decoded = node.jmx().kqatCounter("decompressBatches") - decoded;
        stage.note(String.format("node %d (leader of %s-0): its device failed %d requests; kqat counted %d device faults "
                + "and %d fallbacks, and decoded %d batches meanwhile", node.id(), stage.topic, injected, errors,
                fallbacks, decoded));
        stage.expect(injected > 0, "the emulated device of node " + node.id() + " failed requests");
        stage.expect(errors > 0 && fallbacks > 0, "kqat in node " + node.id() + " met the device faults and fell back");
    }

    /** Faults injected so far into the node's device (0 before the switch exists). */
    private static long injected(ClusterNode node) {
        try {
            return node.injectedDeviceFaults();
        } catch (IllegalStateException notYet) {
            return 0;
        }
    }
}
