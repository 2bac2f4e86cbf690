package io.kqat.codec.nativeio;

import io.kqat.codec.metrics.KqatObjectNames;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one {@link NativeMemory} budget, the same for every copy of kqat in the JVM (the agent's and a Connect
 * plugin's have different class loaders): its state is held in JDK types only, in a table published once in the
 * platform MBean server ({@code io.kqat:type=NativeMemory}, whose attributes also show the figures to operators).
 * The key names the state's layout exactly, so a copy that keeps other state under other names never misreads it.
 * The bound is the first one a copy sets explicitly ({@code native.memory.bytes}); until then the default
 * ({@link #defaultLimit()}).
 */
final class ProcessMemory {
    static final String LAYOUT = "budget:AtomicLong limit,used,peak,refusals,waits,waiting;AtomicBoolean explicit;Object monitor";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessMemory.class);
    private static NativeMemory budget;
    private static AtomicBoolean explicit;

    private ProcessMemory() {
    }

    static synchronized NativeMemory budget() {
        if (budget == null) {
            Map<String, Object> state = table().computeIfAbsent(LAYOUT, k -> new ConcurrentHashMap<>());
            explicit = (AtomicBoolean) state.computeIfAbsent("explicit", k -> new AtomicBoolean());
            budget = new NativeMemory(state, defaultLimit());
        }
        return budget;
    }

    /** Sets the process's bound, unless a copy of kqat set it before (then that one stands, and this is logged). */
    static synchronized void configure(long bytes) {
        NativeMemory b = budget();
        if (explicit.compareAndSet(false, true)) {
            b.limit(bytes);
        } else if (b.limit() != bytes) {
            LOG.warn("kqat: native.memory.bytes is already {} in this process (set first); {} is ignored", b.limit(),
                    bytes);
        }
    }

    /**
     * 256 MiB, or half of what the JVM lets direct buffers take when that is less ({@code -XX:MaxDirectMemorySize},
     * which defaults to the heap's maximum), so kqat leaves the other half to the application.
     */
    static long defaultLimit() {
        long maxDirect = Runtime.getRuntime().maxMemory();
        try {
            Object option = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=HotSpotDiagnostic"), "getVMOption",
                    new Object[] {"MaxDirectMemorySize"}, new String[] {String.class.getName()});
            long set = Long.parseLong(((javax.management.openmbean.CompositeData) option).get("value").toString());
            if (set > 0) {
                maxDirect = set;
            }
        } catch (JMException | RuntimeException e) {
            // not a HotSpot JVM: the heap's maximum is the usual default of direct memory too
        }
        return Math.min(256L << 20, Math.max(16L << 20, maxDirect / 2));
    }

    private static ConcurrentMap<String, Map<String, Object>> table() {
        try {
            return SharedTable.lookUpOrPublish(KqatObjectNames.NATIVE_MEMORY, MemoryTable::new);
        } catch (JMException | RuntimeException e) {
            LOG.warn("kqat: no platform MBean server to share the native memory bound across class loaders ({}); "
                    + "this copy of kqat keeps its own", e.toString());
            return new ConcurrentHashMap<>();
        }
    }
}
