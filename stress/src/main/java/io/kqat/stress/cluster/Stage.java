package io.kqat.stress.cluster;

import io.kqat.local.LocalKafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the events act on (the cluster, the clients, the topic) and what they found: notes for the report, and claims
 * that must hold for the run to prove anything (kqat really served, the fault was really injected, the leader really
 * changed), each checked where it is observed.
 */
final class Stage {
    final LocalKafkaCluster cluster;
    final ClusterWorkload workload;
    final String topic;
    final Duration timeout;
    final BrokerLives lives = new BrokerLives();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    Stage(LocalKafkaCluster cluster, ClusterWorkload workload, String topic, Duration timeout) {
        this.cluster = cluster;
        this.workload = workload;
        this.topic = topic;
        this.timeout = timeout;
    }

    synchronized void note(String text) {
        notes.add(text);
        System.err.println("cluster: " + text);
    }

    /** A claim the run needs; a false one fails the run. */
    synchronized void expect(boolean holds, String claim) {
        if (!holds) {
            failed.add(claim);
            System.err.println("cluster: FAILED: " + claim);
        }
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized List<String> failedClaims() {
        return List.copyOf(failed);
    }
}
