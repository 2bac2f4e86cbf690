package io.kqat.stress.cluster;

import io.kqat.local.BrokerSetup;
import io.kqat.local.ClusterNode;

/**
 * What an operator does to upgrade or downgrade: one node at a time, a clean stop, a start on the new setup, and on
 * to the next only once every replica is back in sync.
 */
final class RollingRestart implements ClusterEvent {
    private final String name;
    private final BrokerSetup to;
    private final String after;

    RollingRestart(String name, BrokerSetup to, String after) {
        this.name = name;
        this.to = to;
        this.after = after;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String after() {
        return after;
    }

    @Override
    public void run(Stage stage) {
        for (ClusterNode node : stage.cluster.nodes()) {
            stage.lives.ending(node);
            long start = System.nanoTime();
            stage.cluster.restart(node, to, stage.timeout);
            boolean hooked = node.logContains("kqat: hooked");
            stage.expect(hooked == to.hasAgent(), "node " + node.id() + (to.hasAgent() ? " runs" : " does not run")
                    + " kqat after its restart on " + to);
            stage.note(String.format("%s: node %d restarted on %s, every replica in sync after %.1f s", name, node.id(),
                    to, (System.nanoTime() - start) / 1e9));
        }
    }
}
