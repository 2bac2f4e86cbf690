package io.kqat.codec.backend.qat.memory;

import io.kqat.codec.backend.qat.nativeapi.Numa;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The NUMA nodes device memory is kept on, ascending: those of the instances, one region part and one set of pinned
 * pools each. A thread's memory comes from its own node when it is one of them (so the device touches memory on its
 * own node), else the nodes take turns.
 */
public final class MemoryNodes {
    /** How many leases a thread takes before its node is asked again (threads move between CPUs rarely). */
    private static final int RECHECK = 1024;
    private final int[] nodes;
    private final AtomicInteger nextNode = new AtomicInteger();
    private final ThreadLocal<int[]> threadNode = ThreadLocal.withInitial(() -> new int[] {-2, 0});

    /** @param nodes distinct and ascending */
    public MemoryNodes(int[] nodes) {
        this.nodes = nodes.clone();
    }

    int[] nodes() {
        return nodes.clone();
    }

    /** Index in {@link #nodes()} of the node this thread's next memory should come from. */
    int preferredIndex() {
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

    /** The NUMA node of {@code index}. */
    int node(int index) {
        return nodes[index];
    }
}
