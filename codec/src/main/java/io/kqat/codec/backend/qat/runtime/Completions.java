package io.kqat.codec.backend.qat.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How completions reach the waiting callers in this copy of kqat: signalled (qatlib's event mode, one
 * {@link CompletionThread} per VF eventfd) or polled by the callers themselves with adaptive backoff, and why. Said
 * by the start line, {@code Detail} and doctor.
 */
final class Completions {
    private static final Logger LOG = LoggerFactory.getLogger(Completions.class);

    private final Map<Integer, List<Instance>> byFd;
    private final long timerNanos;
    private final String timerNote;
    private final List<CompletionThread> threads = new ArrayList<>();
    private volatile String polledBecause;

    private Completions(Map<Integer, List<Instance>> byFd, long timerNanos, String timerNote, String polledBecause) {
        this.byFd = byFd;
        this.timerNanos = timerNanos;
        this.timerNote = timerNote;
        this.polledBecause = polledBecause;
    }

    static Completions polled(String why) {
        return new Completions(Collections.emptyMap(), -1, "", why);
    }

    static Completions signalled(Map<Integer, List<Instance>> byFd, long timerNanos, String timerNote) {
        return new Completions(new LinkedHashMap<>(byFd), timerNanos, timerNote, null);
    }

    /**
     * Starts a completion thread per VF and tells {@code runner} its callers may sleep until woken; if the kernel
     * refuses what a thread needs, the callers poll instead (the instances may stay in event mode: polling works in
     * either).
     */
    void start(RequestRunner runner) {
        if (polledBecause != null) {
            return;
        }
        try {
            int n = 0;
            for (Map.Entry<Integer, List<Instance>> vf : byFd.entrySet()) {
                threads.add(CompletionThread.start(vf.getKey(), vf.getValue(), runner, "kqat-qat-events-" + n++));
            }
            runner.signalled(true);
        } catch (IllegalStateException e) {
            stop();
            polledBecause = "no completion thread: " + e.getMessage();
            LOG.warn("kqat: QAT completions polled: {}", polledBecause);
        }
    }

    /** Stops the completion threads; callers poll from then on. Before qatlib stops. */
    void stop(RequestRunner runner) {
        runner.signalled(false);
        stop();
    }

    private void stop() {
        for (CompletionThread t : threads) {
            t.stop();
        }
        threads.clear();
    }

    boolean signalled() {
        return polledBecause == null;
    }

    /** {@code event-driven (...)} or {@code polled (why)}. */
    String describe() {
        if (polledBecause != null) {
            return "completions polled with adaptive backoff (" + polledBecause + ")";
        }
        int instances = byFd.values().stream().mapToInt(List::size).sum();
        return "completions event-driven: " + byFd.size() + " VF eventfd(s) for " + instances + " instance(s), a "
                + "completion thread each" + (timerNanos >= 0 ? ", coalescing timer " + timerNanos + " ns" : "")
                + (timerNote.isEmpty() ? "" : " (" + timerNote + ")");
    }

    Map<String, Long> figures() {
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("eventDriven", signalled() ? 1L : 0L);
        f.put("eventFds", (long) byFd.size());
        f.put("coalescingNs", timerNanos);
        f.put("completionWakes", threads.stream().mapToLong(t -> t.wakes.sum()).sum());
        return f;
    }
}
