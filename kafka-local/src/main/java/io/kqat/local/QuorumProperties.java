package io.kqat.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The {@code server.properties} of one node of a local KRaft cluster whose every node is broker and controller: a
 * static voter set of all nodes, replication factor 3 and {@code min.insync.replicas=2} for every topic (so one node
 * may be down with {@code acks=all} still served), and the group coordinator writing its offsets gzip-compressed, so a
 * broker's own compression is exercised too.
 */
final class QuorumProperties {
    private QuorumProperties() {
    }

    /** The settings every node shares; {@code overrides} come last. */
    static Properties of(NodeAddress node, Iterable<NodeAddress> all, Path dataDir, Map<String, String> overrides) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(node.id));
        String voters = java.util.stream.StreamSupport.stream(all.spliterator(), false)
                .map(n -> n.id + "@127.0.0.1:" + n.controllerPort).collect(Collectors.joining(","));
        p.setProperty("controller.quorum.voters", voters);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + node.brokerPort + ",CONTROLLER://127.0.0.1:" + node.controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + node.brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("default.replication.factor", "3");
        p.setProperty("min.insync.replicas", "2");
        p.setProperty("unclean.leader.election.enable", "false");
        p.setProperty("offsets.topic.replication.factor", "3");
        p.setProperty("offsets.topic.num.partitions", "6"); // 50 by default: fewer leaders to move at each restart
        p.setProperty("offsets.topic.compression.codec", "1"); // gzip: the coordinator compresses through the broker's codec
        p.setProperty("transaction.state.log.replication.factor", "3");
        p.setProperty("transaction.state.log.min.isr", "2");
        p.setProperty("share.coordinator.state.topic.replication.factor", "3");
        p.setProperty("share.coordinator.state.topic.min.isr", "2");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        overrides.forEach(p::setProperty);
        return p;
    }

    static void write(Path file, Properties p) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, "kqat local cluster node");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node's id and its loopback ports, fixed for the cluster's life so a restarted node keeps its address. */
    static final class NodeAddress {
        final int id;
        final int brokerPort;
        final int controllerPort;
        final int jmxPort;

        NodeAddress(int id) {
            this.id = id;
            this.brokerPort = FreePorts.next();
            this.controllerPort = FreePorts.next();
            this.jmxPort = FreePorts.next();
        }
    }
}
