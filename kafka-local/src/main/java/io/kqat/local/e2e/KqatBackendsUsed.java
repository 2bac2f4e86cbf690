package io.kqat.local.e2e;

import io.kqat.codec.metrics.KqatObjectNames;
import io.kqat.local.workload.WorkloadReport;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Which kqat backends (gzip's and zstd's rungs) did the work in this JVM, from kqat's per-backend MBeans (by name, so this runs without kqat too):
 * the codec's {@code Backend} attribute names the backend of its configured level, not of the level each producer
 * asked for (kqat gzip-1 is served by isal, say, while the configured level 6 goes to libdeflate).
 */
final class KqatBackendsUsed {
    private KqatBackendsUsed() {
    }

    /** Adds {@code e2e.compressedBy} and {@code e2e.decompressedBy}: "backend:batches" for each backend that served. */
    static WorkloadReport put(WorkloadReport report) {
        TreeMap<String, long[]> used = new TreeMap<>();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            Set<ObjectName> names = new HashSet<>(server.queryNames(new ObjectName(KqatObjectNames.EVERY_BACKEND), null));
            names.addAll(server.queryNames(new ObjectName(KqatObjectNames.ZSTD_BACKEND_PREFIX + "*"), null));
            for (ObjectName name : names) {
                CompositeData stats = (CompositeData) server.getAttribute(name, "Stats");
                used.put(ObjectName.unquote(name.getKeyProperty(KqatObjectNames.BACKEND_KEY)), new long[] {
                        (Long) stats.get("compressBatches"), (Long) stats.get("decompressBatches")});
            }
        } catch (JMException | RuntimeException e) {
            return report.put("e2e.backendsError", e.toString());
        }
        return report.put("e2e.compressedBy", served(used, 0)).put("e2e.decompressedBy", served(used, 1));
    }

    private static String served(TreeMap<String, long[]> used, int which) {
        StringBuilder out = new StringBuilder();
        used.forEach((backend, counts) -> {
            if (counts[which] > 0) {
                out.append(out.length() == 0 ? "" : " ").append(backend).append(':').append(counts[which]);
            }
        });
        return out.toString();
    }
}
