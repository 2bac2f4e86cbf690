package io.kqat.codec.backend.qat.runtime;

import io.kqat.codec.backend.qat.device.StartException;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.metrics.KqatObjectNames;
import io.kqat.codec.nativeio.SharedTable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import javax.management.JMException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of qatlib in this process that every copy of kqat shares, whatever class loader loaded it. A Connect
 * worker with the agent (system class loader) and the plugin (its own loader) has two copies of these classes, but one
 * qatlib: one {@code icp_sal_userStart}, one set of started instances, one poller per instance at a time, one region,
 * one view of whether the device answers. That state is held in JDK types only (a monitor, counters, locks, arrays),
 * in a table published once per process in the platform MBean server, the one registry every class loader reaches
 * without sharing a class; each copy keeps its own Java objects over it.
 *
 * <p>One entry per libqat file ({@link QatLibraries#key()}), so one start of it. The entry records the exact layout of
 * what it holds ({@link SharedLayout}, entry {@value #LAYOUT_KEY}) as set by the copy that made it; a copy of kqat
 * with another layout (another build) refuses to use QAT and runs in software, saying so, rather than misreading the
 * slot bitmap or starting qatlib a second time. What every build must keep as it is: the object name, the attribute,
 * the table's type and the entry's {@value #LAYOUT_KEY} and {@value #ORIGIN_KEY} strings.
 */
final class ProcessRuntime {
    static final String OBJECT_NAME = KqatObjectNames.QAT_RUNTIME;
    static final String LAYOUT_KEY = "layout";
    static final String ORIGIN_KEY = "layoutOrigin";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessRuntime.class);
    private static ConcurrentMap<String, Map<String, Object>> table;

    /** Lifecycle transitions (start, join, leave, stop) of this library's runtime, across class loaders. */
    final Object monitor;
    /** Copies of kqat (one per class loader) using the started runtime. */
    final int[] users;
    /** Per direction (compress, decompress): 0 while the device answers; else System.nanoTime() of the hang. */
    final AtomicLongArray hungSince;
    /** Requests given up on (timed out) that the device has not completed yet, in every copy. */
    final AtomicInteger abandoned;
    /**
     * The releases of requests given up on that the device has completed since, whoever's they are: a poll of any copy
     * delivers any copy's completion, and the copy that gave the request up may have left.
     */
    final ConcurrentLinkedQueue<Runnable> lateReleases;
    private final Map<String, Object> state;

    private ProcessRuntime(Map<String, Object> state) {
        this.state = state;
        this.monitor = state.computeIfAbsent("monitor", k -> new Object());
        this.users = (int[]) state.computeIfAbsent("users", k -> new int[1]);
        this.hungSince = (AtomicLongArray) state.computeIfAbsent("hungSince", k -> new AtomicLongArray(2));
        this.abandoned = (AtomicInteger) state.computeIfAbsent("abandoned", k -> new AtomicInteger());
        @SuppressWarnings("unchecked")
        ConcurrentLinkedQueue<Runnable> late = (ConcurrentLinkedQueue<Runnable>)
                state.computeIfAbsent("lateReleases", k -> new ConcurrentLinkedQueue<Runnable>());
        this.lateReleases = late;
    }

    /**
     * The process-wide state of the libraries {@code libraryKey} names (see {@link QatLibraries#key()}).
     *
     * @throws StartException when another build of kqat in this process made that state: its layout may differ
     */
    static ProcessRuntime of(String libraryKey) {
        return of(table(), libraryKey, SharedLayout.fingerprint(), SharedLayout.origin());
    }

    static ProcessRuntime of(ConcurrentMap<String, Map<String, Object>> table, String libraryKey, String layout,
                             String origin) {
        Map<String, Object> state = table.computeIfAbsent(libraryKey, k -> {
            Map<String, Object> fresh = new ConcurrentHashMap<>();
            fresh.put(LAYOUT_KEY, layout);
            fresh.put(ORIGIN_KEY, origin);
            return fresh;
        });
        Object theirs = state.get(LAYOUT_KEY);
        if (!layout.equals(theirs)) {
            String why = "QAT in this process (" + libraryKey + ") is run by another build of kqat, from "
                    + state.get(ORIGIN_KEY) + ", whose shared state has layout " + theirs + "; this copy, from " + origin
                    + ", has layout " + layout + " and will not share it: it runs in software. Use one kqat release "
                    + "for the agent and the Connect plugin to share the device";
            LOG.warn("kqat: {}", why);
            throw new StartException(why);
        }
        return new ProcessRuntime(state);
    }

    /** The poll lock of one instance (by its handle), the same object in every class loader. */
    ReentrantLock pollLock(long handle) {
        @SuppressWarnings("unchecked")
        ConcurrentMap<Long, ReentrantLock> locks = (ConcurrentMap<Long, ReentrantLock>)
                state.computeIfAbsent("pollLocks", k -> new ConcurrentHashMap<Long, ReentrantLock>());
        return locks.computeIfAbsent(handle, h -> new ReentrantLock());
    }

    /**
     * Requests out on one instance (by its handle), counted by every copy of kqat as it submits and as its callback
     * runs: the waiter of a VF's eventfd polls only the instances that have some.
     */
    AtomicInteger outstanding(long handle) {
        @SuppressWarnings("unchecked")
        ConcurrentMap<Long, AtomicInteger> counts = (ConcurrentMap<Long, AtomicInteger>)
                state.computeIfAbsent("outstanding", k -> new ConcurrentHashMap<Long, AtomicInteger>());
        return counts.computeIfAbsent(handle, h -> new AtomicInteger());
    }

    /** The shared record of the zero-copy region, created empty on first use; callers hold {@link #monitor}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> regionRecord() {
        return (Map<String, Object>) state.computeIfAbsent("region", k -> new ConcurrentHashMap<String, Object>());
    }

    private static synchronized ConcurrentMap<String, Map<String, Object>> table() {
        if (table == null) {
            table = lookUpOrPublish();
        }
        return table;
    }

    private static ConcurrentMap<String, Map<String, Object>> lookUpOrPublish() {
        try {
            return SharedTable.lookUpOrPublish(OBJECT_NAME, RuntimeTable::new);
        } catch (JMException | RuntimeException e) {
            LOG.warn("kqat: no platform MBean server to share the QAT runtime across class loaders ({}); this copy "
                    + "of kqat keeps its own", e.toString());
            return new ConcurrentHashMap<>();
        }
    }
}
