package io.kqat.codec.backend.qat.memory;

import io.kqat.codec.backend.qat.nativeapi.Numa;
import java.util.ArrayList;
import java.util.List;

/**
 * How the region is cut by NUMA node: one equal part per node that has instances, each preferred on its node
 * ({@code mbind}) before any page is touched. A batch lent from a part is sent to an instance on that part's node, so
 * the device reads and writes memory on its own node.
 */
final class RegionLayout {
    private final int[] nodes;
    private final long partBytes;
    private final int[] placement;

    RegionLayout(int[] nodes, long partBytes) {
        this(nodes, partBytes, new int[nodes.length]);
    }

    private RegionLayout(int[] nodes, long partBytes, int[] placement) {
        this.nodes = nodes.clone();
        this.partBytes = partBytes;
        this.placement = placement;
    }

    /** {@code [partBytes, nodes..., placement...]}, for another class loader. */
    long[] export() {
        long[] e = new long[1 + 2 * nodes.length];
        e[0] = partBytes;
        for (int i = 0; i < nodes.length; i++) {
            e[1 + i] = nodes[i];
            e[1 + nodes.length + i] = placement[i];
        }
        return e;
    }

    static RegionLayout adopt(long[] e) {
        int n = (e.length - 1) / 2;
        int[] nodes = new int[n];
        int[] placement = new int[n];
        for (int i = 0; i < n; i++) {
            nodes[i] = (int) e[1 + i];
            placement[i] = (int) e[1 + n + i];
        }
        return new RegionLayout(nodes, e[0], placement);
    }

    /** Prefers each part's node; a refusal (a node this machine lacks) leaves that part where the kernel puts it. */
    void place(long base) {
        for (int i = 0; i < nodes.length; i++) {
            placement[i] = nodes[i] < 0 ? -1 : Numa.prefer(base + i * partBytes, partBytes, nodes[i]);
        }
    }

    int parts() {
        return nodes.length;
    }

    long partBytes() {
        return partBytes;
    }

    int node(int part) {
        return nodes[part];
    }

    /** errno of each part's placement: 0 placed, -1 not asked (no node), else the kernel's refusal. */
    int placement(int part) {
        return placement[part];
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] < 0) {
                parts.add("any node");
            } else {
                parts.add("node " + nodes[i] + (placement[i] == 0 ? "" : " (mbind refused, errno " + placement[i] + ")"));
            }
        }
        return (nodes.length == 1 ? "on " : nodes.length + " parts on ") + String.join(", ", parts);
    }
}
