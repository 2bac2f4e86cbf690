package io.kqat.codec.backend.qat.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most one daemon thread at a time running a task, and no request to run it ever lost: a {@link #start} made while
 * the task runs, even as it is ending (a GC pause between the task's last check and the thread's end), runs it again.
 * The thread's decision to end and a caller's decision to start one are made on one counter. A task that throws
 * (an {@code Error} included) runs again after a pause; a thread that ends anyway, or cannot be created, leaves the
 * worker startable by the next {@link #start}.
 */
final class RestartableWorker {
    private static final Logger LOG = LoggerFactory.getLogger(RestartableWorker.class);
    private static final long RETRY_PAUSE_NANOS = 100_000_000L;
    private final String name;
    private final Runnable task;
    /** Starts asked for and not yet covered by a run; non-zero while a thread runs. */
    private final AtomicInteger asked = new AtomicInteger();

    RestartableWorker(String name, Runnable task) {
        this.name = name;
        this.task = task;
    }

    void start() {
        if (asked.getAndIncrement() == 0) {
            try {
                Thread t = new Thread(this::run, name);
                t.setDaemon(true);
                t.start();
            } catch (Throwable e) { // no thread (native threads exhausted): the next start tries again
                asked.set(0);
                LOG.warn("kqat: could not start {}: {}", name, e.toString());
            }
        }
    }

    private void run() {
        boolean ended = false;
        try {
            int covered;
            do {
                covered = asked.get(); // every start up to here is served by this run of the task
                try {
                    task.run();
                } catch (Throwable e) { // the task did not finish: it runs again, after a pause
                    covered = 0;
                    LOG.warn("kqat: {} failed ({}); it runs again", name, e.toString());
                    LockSupport.parkNanos(RETRY_PAUSE_NANOS);
                }
            } while (asked.addAndGet(-covered) != 0);
            ended = true;
        } finally {
            if (!ended) {
                asked.set(0);
            }
        }
    }
}
