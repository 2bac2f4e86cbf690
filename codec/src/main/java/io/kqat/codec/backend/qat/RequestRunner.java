package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;
import io.kqat.codec.spi.BackendException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Submits requests and waits for their completion. Requests are asynchronous: each submitting thread polls its
 * instance until its own request completes (completions of other threads' requests are delivered on the way), so
 * several requests are in flight when several threads compress.
 */
final class RequestRunner {
    private final QatLibraries.Dc dc;
    private final ConcurrentHashMap<Long, Completion> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    /** Held for the process's life: qatlib keeps the function pointer. */
    final QatLibraries.CompletionCallback callback = this::complete;

    RequestRunner(QatLibraries.Dc dc) {
        this.dc = dc;
    }

    /**
     * Submits one request and waits for its completion, polling the instance.
     *
     * @return the completion status passed to the callback
     * @throws BackendException on a refused submission, a full ring for longer than the timeout, or a timeout; on a
     *                          timeout {@code onLateCompletion} runs when the device finally completes the request
     *                          (its memory must not be reused before)
     */
    int submitAndWait(Instance instance, boolean compress, Pointer session, RequestDescriptors d, long timeoutNanos,
                      Runnable onLateCompletion) {
        long id = ids.incrementAndGet();
        Completion completion = new Completion();
        pending.put(id, completion);
        Pointer tag = new Pointer(id);
        long deadline = System.nanoTime() + timeoutNanos;
        int status;
        int spins = 0;
        while (true) {
            status = compress
                    ? dc.cpaDcCompressData2(instance.handle, session, d.srcList, d.dstList, d.opData, d.results, tag)
                    : dc.cpaDcDecompressData2(instance.handle, session, d.srcList, d.dstList, d.opData, d.results, tag);
            if (status != CpaStatus.RETRY) {
                break;
            }
            poll(instance);
            if (System.nanoTime() > deadline) {
                pending.remove(id);
                throw new BackendException("QAT ring full for " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
            }
            backOff(++spins);
        }
        if (status != CpaStatus.SUCCESS) {
            pending.remove(id);
            throw new BackendException((compress ? "cpaDcCompressData2" : "cpaDcDecompressData2")
                    + " refused the request: " + CpaStatus.name(status));
        }
        spins = 0;
        while (!completion.done()) {
            poll(instance);
            if (completion.done()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                if (completion.abandon(onLateCompletion)) {
                    throw new RequestTimedOut("QAT request timed out after "
                            + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
                }
                break; // completed just now
            }
            backOff(++spins);
        }
        return completion.status();
    }

    private static void backOff(int spins) {
        if (spins < 64) {
            Thread.onSpinWait();
        } else {
            LockSupport.parkNanos(spins < 1000 ? 10_000 : 200_000);
        }
    }

    /** Polls unless another thread is already polling this instance. */
    void poll(Instance instance) {
        if (instance.pollLock.tryLock()) {
            try {
                dc.icp_sal_DcPollInstance(instance.handle, 0);
            } finally {
                instance.pollLock.unlock();
            }
        }
    }

    boolean idle() {
        return pending.isEmpty();
    }

    /** Called by qatlib inside a poll for every completed request. */
    private void complete(Pointer tag, int status) {
        Completion c = pending.remove(Pointer.nativeValue(tag));
        if (c != null) {
            c.complete(status);
        }
    }

    /** The fate of one request: completed with a status, or abandoned by its caller after a timeout. */
    private static final class Completion {
        private volatile boolean done;
        private volatile int status;
        private Runnable late;

        boolean done() {
            return done;
        }

        int status() {
            return status;
        }

        synchronized void complete(int s) {
            status = s;
            done = true;
            if (late != null) {
                late.run();
            }
        }

        /** @return false when the request completed meanwhile (the caller then uses the result) */
        synchronized boolean abandon(Runnable onLateCompletion) {
            if (done) {
                return false;
            }
            late = onLateCompletion;
            return true;
        }
    }

    /** A request the device did not complete in time; its memory is released when it does. */
    static final class RequestTimedOut extends BackendException {
        RequestTimedOut(String message) {
            super(message);
        }
    }
}
