package io.kqat.codec.backend.qat;

import io.kqat.codec.backend.qat.nativeapi.Numa;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where requests and their memory go. Instances are grouped by NUMA node; a thread's memory comes from its own node
 * when instances live there (else the nodes take turns), and its request goes to the next instance of the node its
 * memory is on, so the device touches memory on its own node and every instance of a node gets requests in turn.
 */
final class Placement {
    /** How many leases a thread takes before its node is asked again (threads move between CPUs rarely). */
    private static final int RECHECK = 1024;
    private final List<Instance> instances;
    private final int[] nodes;
    private final Instance[][] byNode;
    private final AtomicInteger[] next;
    private final AtomicInteger nextNode = new AtomicInteger();
    private final ThreadLocal<int[]> threadNode = ThreadLocal.withInitial(() -> new int[] {-2, 0});

    Placement(List<Instance> instances) {
        this.instances = instances;
        this.nodes = instances.stream().mapToInt(i -> i.info.node).distinct().sorted().toArray();
        this.byNode = new Instance[nodes.length][];
        this.next = new AtomicInteger[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            int node = nodes[k];
            List<Instance> on = new ArrayList<>();
            instances.stream().filter(i -> i.info.node == node).forEach(on::add);
            byNode[k] = on.toArray(new Instance[0]);
            next[k] = new AtomicInteger();
        }
    }

    /** The distinct nodes of the instances, ascending: one region part each. */
    int[] nodes() {
        return nodes.clone();
    }

    List<Instance> instances() {
        return instances;
    }

    /** Index in {@link #nodes()} of the node this thread's next memory should come from. */
    int preferredNodeIndex() {
        if (nodes.length == 1) {
            return 0;
        }
        int[] cached = threadNode.get();
        if (cached[1]-- <= 0) {
            cached[0] = Arrays.binarySearch(nodes, Numa.currentNode());
            cached[1] = RECHECK;
        }
        return cached[0] >= 0 ? cached[0] : Math.floorMod(nextNode.getAndIncrement(), nodes.length);
    }

    /** The NUMA node of {@code nodeIndex}. */
    int node(int nodeIndex) {
        return nodes[nodeIndex];
    }

    int indexOf(int node) {
        int k = Arrays.binarySearch(nodes, node);
        return k >= 0 ? k : 0;
    }

    /** The next instance on {@code node} (any instance when none is there), in turn. */
    Instance nextInstance(int node) {
        int k = Arrays.binarySearch(nodes, node);
        if (k < 0) {
            return instances.get(Math.floorMod(next[0].getAndIncrement(), instances.size()));
        }
        Instance[] on = byNode[k];
        return on[Math.floorMod(next[k].getAndIncrement(), on.length)];
    }
}
