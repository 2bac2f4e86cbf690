package io.kqat.codec.backend.qat.runtime;

import io.kqat.codec.backend.qat.memory.MemoryNodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where requests and their memory go. Instances are grouped by NUMA node; a thread's memory comes from its own node
 * when instances live there ({@link MemoryNodes}), and its request goes to the next instance of the node its memory is
 * on, so the device touches memory on its own node and every instance of a node gets requests in turn.
 */
final class Placement {
    private final List<Instance> instances;
    private final int[] nodes;
    private final Instance[][] byNode;
    private final AtomicInteger[] next;
    private final MemoryNodes memory;

    Placement(List<Instance> instances) {
        this.instances = instances;
        this.nodes = instances.stream().mapToInt(i -> i.info.node()).distinct().sorted().toArray();
        this.byNode = new Instance[nodes.length][];
        this.next = new AtomicInteger[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            int node = nodes[k];
            List<Instance> on = new ArrayList<>();
            instances.stream().filter(i -> i.info.node() == node).forEach(on::add);
            byNode[k] = on.toArray(new Instance[0]);
            next[k] = new AtomicInteger();
        }
        this.memory = new MemoryNodes(nodes);
    }

    /** The distinct nodes of the instances, ascending: one region part each. */
    int[] nodes() {
        return nodes.clone();
    }

    List<Instance> instances() {
        return instances;
    }

    /** The same nodes, for the memory the device reaches. */
    MemoryNodes memory() {
        return memory;
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
