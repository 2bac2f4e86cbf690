package io.kqat.stress.cluster;

/**
 * A member with the agent joins the consumer group that a stock member has been reading alone: the group rebalances
 * and the new member carries on from the offsets the stock member committed (which the brokers store gzip-compressed).
 */
final class GroupJoin implements ClusterEvent {
    static final String MEMBER = "member-kqat";

    @Override
    public String name() {
        return "a kqat member joins the stock member's group";
    }

    @Override
    public String after() {
        return "kqat brokers, mixed group";
    }

    @Override
    public void run(Stage stage) {
        long start = System.nanoTime();
        stage.workload.startMember(MEMBER, true);
        stage.workload.awaitHolding(MEMBER, stage.timeout);
        stage.note(String.format("%s holds partitions %.1f s after it started", MEMBER, (System.nanoTime() - start) / 1e9));
    }
}
