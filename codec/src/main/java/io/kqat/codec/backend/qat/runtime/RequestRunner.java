package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.nativeapi.HotCalls;
import io.kqat.codec.spi.BackendException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Submits requests and waits for their completion. Requests are asynchronous: each submitting thread polls its
 * instance until its own request completes (completions of other threads' requests are delivered on the way), so
 * several requests are in flight when several threads compress. A request that outlives its timeout is given up on:
 * its memory stays held until the device completes it, and the device is marked as not answering.
 */
final class RequestRunner {
    /** Between polls: long enough that a waiting thread costs the host little, short next to a request's time. */
    private static final long POLL_PAUSE_NANOS = 10_000;
    private final HotCalls dc;
    private final DeviceHealth health;
    private final AtomicInteger abandoned;
    private final ConcurrentHashMap<Long, Completion> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final WaitEstimate waits = new WaitEstimate();
    final LongAdder polls = new LongAdder();
    final LongAdder sleeps = new LongAdder();
    /** Held for the process's life: qatlib keeps the function pointer. */
    final HotCalls.Completion callback = this::complete;

    RequestRunner(HotCalls dc, DeviceHealth health, AtomicInteger abandoned) {
        this.dc = dc;
        this.health = health;
        this.abandoned = abandoned;
    }

    /**
     * Submits one request, polling while the ring is full (RETRY) until {@code deadline}.
     *
     * @throws BackendException on a refused submission or a ring full until the deadline (the device is then marked
     *                          as not answering)
     */
    Completion submit(Instance instance, boolean compress, Pointer session, RequestDescriptors d, long deadline) {
        long id = ids.incrementAndGet();
        Completion completion = new Completion(compress);
        pending.put(id, completion);
        long s = Pointer.nativeValue(session);
        while (true) {
            int status = compress
                    ? dc.compress(instance.address, s, d.srcListAddress, d.dstListAddress, d.opDataAddress,
                            d.resultsAddress, id)
                    : dc.decompress(instance.address, s, d.srcListAddress, d.dstListAddress, d.opDataAddress,
                            d.resultsAddress, id);
            if (status == CpaStatus.SUCCESS) {
                return completion;
            }
            if (status != CpaStatus.RETRY || System.nanoTime() - deadline > 0 || !health.answering(compress)) {
                pending.remove(id);
                if (status == CpaStatus.RETRY) {
                    health.markHung(compress, "ring full until the timeout");
                    throw BackendException.fault("QAT ring full until the timeout");
                }
                throw BackendException.fault((compress ? "cpaDcCompressData2" : "cpaDcDecompressData2")
                        + " refused the request: " + CpaStatus.name(status));
            }
            poll(instance);
            LockSupport.parkNanos(POLL_PAUSE_NANOS);
        }
    }

    /**
     * Sleeps about as long as such a request takes, then polls until it completes, its deadline passes, or the device
     * is found not answering.
     *
     * @param bytes the request's size (input and output), for the estimate of its time
     * @return the completion status passed to the callback
     * @throws RequestTimedOut when given up on; {@code onLateCompletion} then runs when the device completes it
     */
    int await(Instance instance, Completion completion, long bytes, long deadline, Runnable onLateCompletion) {
        boolean compress = completion.compress;
        long submitted = System.nanoTime();
        long pause = waits.first(bytes);
        int rounds = 0;
        while (!completion.done()) {
            LockSupport.parkNanos(pause);
            sleeps.increment();
            poll(instance);
            rounds++;
            if (completion.done()) {
                break;
            }
            pause = waits.next(bytes);
            boolean late = System.nanoTime() - deadline > 0;
            if ((late || !health.answering(compress)) && completion.abandon(onLateCompletion)) {
                abandoned.incrementAndGet();
                if (late) {
                    health.markHung(compress, "a request outlived its timeout");
                }
                throw new RequestTimedOut(late ? "QAT request timed out" : health.refusal(compress));
            }
        }
        waits.learn(bytes, System.nanoTime() - submitted, rounds <= 1);
        return completion.status();
    }

    /**
     * The caller stops waiting for a request the device took (something was thrown): unless it completed meanwhile,
     * {@code onLateCompletion} runs when it does, and it counts as given up on (no unmapping until then).
     *
     * @return false when it had completed (the caller frees its memory itself)
     */
    boolean keepUntilCompleted(Completion completion, Runnable onLateCompletion) {
        if (completion.abandon(onLateCompletion)) {
            abandoned.incrementAndGet();
            health.watchLateCompletions();
            return true;
        }
        return false;
    }

    /** Polls unless another thread (of any class loader) is already polling this instance. */
    void poll(Instance instance) {
        if (instance.pollLock.tryLock()) {
            polls.increment();
            try {
                dc.poll(instance.address, 0);
            } finally {
                instance.pollLock.unlock();
            }
        }
    }

    boolean idle() {
        return pending.isEmpty();
    }

    /** Called by qatlib inside a poll for every completed request. */
    private void complete(long tag, int status) {
        Completion c = pending.remove(tag);
        if (c != null && c.complete(status)) {
            abandoned.decrementAndGet();
        }
    }

    /** The fate of one request: completed with a status, or abandoned by its caller after a timeout. */
    static final class Completion {
        /** A compression (else a decompression): the device answers each direction apart. */
        final boolean compress;
        private volatile boolean done;
        private volatile int status;
        private Runnable late;

        Completion(boolean compress) {
            this.compress = compress;
        }

        boolean done() {
            return done;
        }

        int status() {
            return status;
        }

        /** @return true when the request had been abandoned (its late action ran) */
        synchronized boolean complete(int s) {
            status = s;
            done = true;
            if (late != null) {
                late.run();
                return true;
            }
            return false;
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
            super(message, true, null);
        }
    }
}
