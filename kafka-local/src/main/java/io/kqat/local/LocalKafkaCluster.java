package io.kqat.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A real KRaft cluster of local nodes, each broker and controller in its own JVM ({@link ClusterNode}) on fixed
 * loopback ports: every topic replicated 3 times with {@code min.insync.replicas=2} ({@link QuorumProperties}). What an
 * operator watches is read over each broker's JMX: who leads a partition, whether every replica is in sync.
 *
 * <p>Combined nodes rather than dedicated controllers: three JVMs instead of six on a small machine, and a node that
 * is killed takes a controller with it (perhaps the active one), which the quorum of three survives.
 */
public final class LocalKafkaCluster implements AutoCloseable {
    private static final String UNDER_REPLICATED = "kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions";
    private final List<ClusterNode> nodes;

    private LocalKafkaCluster(List<ClusterNode> nodes) {
        this.nodes = Collections.unmodifiableList(nodes);
    }

    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    public List<ClusterNode> nodes() {
        return nodes;
    }

    /** The node with this id (1, 2, 3, ...). */
    public ClusterNode node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id));
    }

    /** Every node's address, for a client's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return String.join(",", nodes.stream().map(ClusterNode::bootstrapServer).toArray(String[]::new));
    }

    /** The running node that leads {@code topic}'s {@code partition} now, as its own metrics say. */
    public Optional<ClusterNode> leaderOf(String topic, int partition) {
        String isr = partitionGauge("InSyncReplicasCount", topic, partition);
        for (ClusterNode n : nodes) {
            if (n.isRunning() && readOr(n, isr, 0) > 0) { // a follower's copy of the gauge reads 0
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** Replicas of the partition in sync, as its leader says (0 with no leader). */
    public long inSyncReplicas(String topic, int partition) {
        return leaderOf(topic, partition).map(n -> readOr(n, partitionGauge("InSyncReplicasCount", topic, partition), 0))
                .orElse(0L);
    }

    /** Replicas the partition has, as its leader says (0 with no leader). */
    public long replicas(String topic, int partition) {
        return leaderOf(topic, partition).map(n -> readOr(n, partitionGauge("ReplicasCount", topic, partition), 0))
                .orElse(0L);
    }

    /** Waits until a running node that {@code acceptable} accepts leads the partition, and returns it. */
    public ClusterNode awaitLeader(String topic, int partition, Predicate<ClusterNode> acceptable, Duration timeout) {
        Deadline deadline = new Deadline(timeout, "a new leader of " + topic + "-" + partition);
        while (true) {
            Optional<ClusterNode> leader = leaderOf(topic, partition).filter(acceptable);
            if (leader.isPresent()) {
                return leader.get();
            }
            deadline.pause();
        }
    }

    /** Waits until every node runs and no broker has a partition missing a replica from its ISR (twice in a row). */
    public void awaitFullyReplicated(Duration timeout) {
        Deadline deadline = new Deadline(timeout, "every replica in sync");
        int inARow = 0;
        while (inARow < 2) {
            boolean synced = nodes.stream().allMatch(n -> n.isRunning() && readOr(n, UNDER_REPLICATED, 1) == 0);
            inARow = synced ? inARow + 1 : 0;
            deadline.pause();
        }
    }

    /** One step of a rolling restart: a clean stop, a start with {@code setup}, and every replica back in sync. */
    public void restart(ClusterNode node, BrokerSetup setup, Duration timeout) {
        node.stop();
        node.start(setup);
        awaitFullyReplicated(timeout);
    }

    /** Stops every node at once (stopping them one by one would leave the last without a controller quorum). */
    @Override
    public void close() {
        eachAtOnce(nodes, ClusterNode::close);
    }

    private static long readOr(ClusterNode node, String gauge, long otherwise) {
        try {
            return node.jmx().gauge(gauge, otherwise);
        } catch (IllegalStateException unreachable) { // starting or stopping
            return otherwise;
        }
    }

    private static String partitionGauge(String name, String topic, int partition) {
        return "kafka.cluster:type=Partition,name=" + name + ",topic=" + topic + ",partition=" + partition;
    }

    /** Runs {@code action} on every node in parallel; the first failure is rethrown as it was thrown. */
    private static void eachAtOnce(List<ClusterNode> nodes, Consumer<ClusterNode> action) {
        try {
            CompletableFuture.allOf(nodes.stream().map(n -> CompletableFuture.runAsync(() -> action.accept(n)))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        }
    }

    public static final class Builder {
        private final Path workDir;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private int size = 3;

        private Builder(Path workDir) {
            this.workDir = workDir.toAbsolutePath();
        }

        public Builder nodes(int count) {
            this.size = count;
            return this;
        }

        /** A server property for every node, after the cluster's own ({@link QuorumProperties}). */
        public Builder serverProperty(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        /** Formats every node's storage under one cluster id, starts them all with {@code setup}, waits until they serve. */
        public LocalKafkaCluster start(BrokerSetup setup) {
            KafkaRuntimes runtimes = KafkaRuntimes.locate();
            List<QuorumProperties.NodeAddress> addresses = distinctAddresses();
            String clusterId = StorageFormat.randomClusterId();
            List<ClusterNode> nodes = new ArrayList<>();
            for (QuorumProperties.NodeAddress a : addresses) {
                Path dir = workDir.resolve("node" + a.id);
                Path config = dir.resolve("server.properties");
                QuorumProperties.write(config, QuorumProperties.of(a, addresses, dir.resolve("data"), overrides));
                nodes.add(new ClusterNode(a, dir, config, runtimes));
            }
            List<String> classpath = runtimes.classpath(KafkaRuntimes.BROKER);
            LocalKafkaCluster cluster = new LocalKafkaCluster(nodes);
            try {
                eachAtOnce(nodes, n -> StorageFormat.run(workDir.resolve("node" + n.id()), classpath,
                        List.of("format", "-t", clusterId, "-c", workDir.resolve("node" + n.id()).resolve("server.properties").toString())));
                nodes.forEach(n -> n.launch(setup));
                eachAtOnce(nodes, ClusterNode::awaitStarted);
                return cluster;
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        }

        /** Node ids 1..n, each with three loopback ports no other node was given. */
        private List<QuorumProperties.NodeAddress> distinctAddresses() {
            List<QuorumProperties.NodeAddress> out = new ArrayList<>();
            Set<Integer> taken = new HashSet<>();
            for (int id = 1; id <= size; id++) {
                QuorumProperties.NodeAddress a = new QuorumProperties.NodeAddress(id);
                while (!taken.add(a.brokerPort) | !taken.add(a.controllerPort) | !taken.add(a.jmxPort)) {
                    a = new QuorumProperties.NodeAddress(id);
                }
                out.add(a);
            }
            return out;
        }
    }

    /** Polls every 250 ms until a deadline, then fails naming what was awaited. */
    private static final class Deadline {
        private final long end;
        private final String what;

        Deadline(Duration timeout, String what) {
            this.end = System.nanoTime() + timeout.toNanos();
            this.what = what;
        }

        void pause() {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("no " + what + " within the time allowed");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }
}
