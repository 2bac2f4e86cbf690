package io.kqat.stress.cluster;

import io.kqat.local.ClusterNode;

/**
 * {@code kill -9} of the node leading partition 0 of the topic (and, the nodes being combined, perhaps the active
 * controller); the cluster elects another leader, then the node is started again on its setup and catches up.
 */
final class LeaderKill implements ClusterEvent {
    @Override
    public String name() {
        return "kill -9 of the leader of partition 0";
    }

    @Override
    public String after() {
        return "kqat brokers";
    }

    @Override
    public void run(Stage stage) {
        ClusterNode leader = stage.cluster.leaderOf(stage.topic, 0)
                .orElseThrow(() -> new IllegalStateException("partition 0 has no leader to kill"));
        stage.lives.ending(leader);
        long start = System.nanoTime();
        leader.kill();
        stage.expect(!leader.isRunning(), "node " + leader.id() + " is gone after kill -9");
        ClusterNode next = stage.cluster.awaitLeader(stage.topic, 0, n -> n != leader, stage.timeout);
        stage.note(String.format("killed node %d (leader of %s-0) with SIGKILL; node %d led it %.1f s later",
                leader.id(), stage.topic, next.id(), (System.nanoTime() - start) / 1e9));
        leader.start(leader.setup());
        stage.cluster.awaitFullyReplicated(stage.timeout);
        stage.note(String.format("node %d started again on %s; every replica in sync %.1f s after the kill", leader.id(),
                leader.setup(), (System.nanoTime() - start) / 1e9));
    }
}
