package io.kqat.codec.backend.qat.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How completions reach the waiting callers in this copy of kqat: signalled (qatlib's event mode: the callers wait on
 * each VF's eventfd in turn, {@link VfWaiter}) or polled by the callers themselves with adaptive backoff
 * ({@link PolledWait}), and why. Said by the start line, {@code Detail} and doctor.
 */
final class Completions {
    private static final Logger LOG = LoggerFactory.getLogger(Completions.class);

    private final Map<Integer, List<Instance>> byFd;
    private final long timerNanos;
    private final String timerNote;
    /** qatlib's poll drains the VF's eventfd (26.08), so the waiting callers need not read it themselves. */
    private final boolean pollDrainsFd;
    private final List<VfWaiter> waiters = new ArrayList<>();
    private volatile String polledBecause;

    private Completions(Map<Integer, List<Instance>> byFd, long timerNanos, String timerNote, boolean pollDrainsFd,
                        String polledBecause) {
        this.byFd = byFd;
        this.timerNanos = timerNanos;
        this.timerNote = timerNote;
        this.pollDrainsFd = pollDrainsFd;
        this.polledBecause = polledBecause;
    }

    static Completions polled(String why) {
        return new Completions(Collections.emptyMap(), -1, "", false, why);
    }

    /** @param pollDrainsFd whether qatlib's poll drains each VF's eventfd (26.08) or leaves that to the waiter */
    static Completions signalled(Map<Integer, List<Instance>> byFd, long timerNanos, String timerNote,
                                 boolean pollDrainsFd) {
        return new Completions(new LinkedHashMap<>(byFd), timerNanos, timerNote, pollDrainsFd, null);
    }

    /**
     * Opens an epoll instance per VF and tells {@code runner} its callers wait on them; if the kernel refuses one, the
     * callers poll instead (the instances may stay in event mode: polling works in either).
     */
    void start(RequestRunner runner) {
        if (polledBecause != null) {
            return;
        }
        Map<Instance, VfWaiter> byInstance = new IdentityHashMap<>();
        try {
            for (Map.Entry<Integer, List<Instance>> vf : byFd.entrySet()) {
                VfWaiter w = VfWaiter.open(vf.getKey(), vf.getValue(), runner, !pollDrainsFd);
                waiters.add(w);
                vf.getValue().forEach(i -> byInstance.put(i, w));
            }
            runner.signalled(byInstance);
        } catch (IllegalStateException e) {
            close();
            polledBecause = "no epoll instance: " + e.getMessage();
            LOG.warn("kqat: QAT completions polled: {}", polledBecause);
        }
    }

    /** Callers poll from now on; the epoll instances close. Before qatlib stops, with no request running. */
    void stop(RequestRunner runner) {
        runner.signalled(null);
        close();
    }

    private void close() {
        waiters.forEach(VfWaiter::close);
        waiters.clear();
    }

    boolean signalled() {
        return polledBecause == null;
    }

    /** {@code completions event-driven: ...} or {@code completions polled ... (why)}. */
    String describe() {
        if (polledBecause != null) {
            return "completions polled with adaptive backoff (" + polledBecause + ")";
        }
        int instances = byFd.values().stream().mapToInt(List::size).sum();
        return "completions event-driven: " + byFd.size() + " VF eventfd(s) for " + instances + " instance(s), "
                + "callers wait on each in turn (epoll)" + (timerNanos >= 0 ? ", coalescing timer " + timerNanos
                + " ns" : "") + (timerNote.isEmpty() ? "" : " (" + timerNote + ")");
    }

    Map<String, Long> figures() {
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("eventDriven", signalled() ? 1L : 0L);
        f.put("eventFds", (long) byFd.size());
        f.put("coalescingNs", timerNanos);
        f.put("eventWakes", waiters.stream().mapToLong(w -> w.wakes.sum()).sum());
        f.put("eventFdReads", waiters.stream().mapToLong(w -> w.fdReads.sum()).sum());
        return f;
    }
}
