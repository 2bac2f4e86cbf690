package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.nativeapi.HotCalls;
import io.kqat.codec.spi.BackendException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits requests and waits for their completion. Requests are asynchronous, so several are in flight when several
 * threads compress; qatlib runs each request's callback inside a poll, on whichever thread polls, and the callback
 * wakes the caller waiting for it. In event mode ({@link Completions}) callers wait on their VF's eventfd in turn
 * ({@link VfWaiter}), sleeping untimed until the device signals. Otherwise callers poll themselves
 * ({@link PolledWait}). A request that outlives its timeout is given up on: its memory stays held until the device
 * completes it, and the device is marked as not answering, which wakes every waiting caller to give up early. That
 * memory is released after the poll that delivered the completion, never inside the callback: JNA swallows what a
 * callback throws, so a release that failed there would leave the request counted as out for the process's life.
 * Those releases wait in the process's queue ({@link ProcessRuntime#lateReleases}), not this copy's: any copy's poll
 * delivers any copy's completions, and the copy that gave a request up may have left the JVM's QAT since.
 */
final class RequestRunner {
    private static final Logger LOG = LoggerFactory.getLogger(RequestRunner.class);
    private final HotCalls dc;
    private final DeviceHealth health;
    private final AtomicInteger abandoned;
    private final ConcurrentHashMap<Long, Completion> pending = new ConcurrentHashMap<>();
    /** Requests given up on (by any copy) that the device has since completed: their memory is still to release. */
    private final ConcurrentLinkedQueue<Runnable> completedLate;
    private final AtomicLong ids = new AtomicLong();
    private final PolledWait polled = new PolledWait(this);
    /** Each instance's VF waiter while completions are signalled; null while callers poll. */
    private volatile Map<Instance, VfWaiter> waiters;
    private final int instances;
    private final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    /** Requests submitted while at least as many were in flight as there are instances: callers sharing one. */
    final LongAdder beyondInstances = new LongAdder();
    final LongAdder polls = new LongAdder();
    final LongAdder sleeps = new LongAdder();
    /** Held for the process's life: qatlib keeps the function pointer. */
    final HotCalls.Completion callback = this::complete;

    RequestRunner(HotCalls dc, DeviceHealth health, ProcessRuntime runtime, int instances) {
        this.instances = instances;
        this.dc = dc;
        this.health = health;
        this.abandoned = runtime.abandoned;
        this.completedLate = runtime.lateReleases;
    }

    /** Callers wait on their instance's VF eventfd from now on, or poll again ({@code null}). */
    void signalled(Map<Instance, VfWaiter> byInstance) {
        waiters = byInstance;
        wakeWaiters();
    }

    /**
     * Submits one request, waiting while the ring is full (RETRY) until {@code deadline}.
     *
     * @throws BackendException on a refused submission or a ring full until the deadline (the device is then marked
     *                          as not answering)
     */
    Completion submit(Instance instance, boolean compress, Pointer session, RequestDescriptors d, long deadline) {
        long id = ids.incrementAndGet();
        Completion completion = new Completion(Thread.currentThread(), compress, instance);
        pending.put(id, completion);
        long s = Pointer.nativeValue(session);
        for (int round = 1; ; round++) {
            instance.outstanding.incrementAndGet(); // before: the device may complete it before the call returns
            int status = compress
                    ? dc.compress(instance.address, s, d.srcListAddress, d.dstListAddress, d.opDataAddress,
                            d.resultsAddress, id)
                    : dc.decompress(instance.address, s, d.srcListAddress, d.dstListAddress, d.opDataAddress,
                            d.resultsAddress, id);
            if (status == CpaStatus.SUCCESS) {
                int n = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(n, Math::max);
                if (n > instances) {
                    beyondInstances.increment();
                }
                return completion;
            }
            instance.outstanding.decrementAndGet();
            if (status != CpaStatus.RETRY || System.nanoTime() - deadline > 0 || !health.answering(compress)) {
                pending.remove(id);
                if (status == CpaStatus.RETRY) {
                    health.markHung(compress, "ring full until the timeout");
                    throw BackendException.fault("QAT ring full until the timeout");
                }
                throw BackendException.fault((compress ? "cpaDcCompressData2" : "cpaDcDecompressData2")
                        + " refused the request: " + CpaStatus.name(status));
            }
            poll(instance); // frees a slot, unless another caller is polling already
            polled.pause(PolledWait.ringFullPause(round));
        }
    }

    /**
     * Waits until the request completes, its deadline passes, or the device is found not answering.
     *
     * @param bytes the request's size (input and output), for the estimate of its time when polling
     * @return the completion status passed to the callback
     * @throws RequestTimedOut when given up on; {@code onLateCompletion} then runs when the device completes it
     */
    int await(Instance instance, Completion completion, long bytes, long deadline, Runnable onLateCompletion) {
        boolean interrupted = Thread.interrupted(); // an interrupt must not turn the sleeps into a spin; kept below
        try {
            Map<Instance, VfWaiter> signalled = waiters;
            if (signalled != null) {
                signalled.get(instance).await(completion, deadline);
                while (!completion.done()) { // not done: given up on, unless it completed just now
                    giveUpUnlessDone(completion, onLateCompletion, deadline - System.nanoTime() <= 0);
                }
            } else {
                polled.await(instance, completion, bytes, deadline, onLateCompletion);
            }
            return completion.status();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Gives the request up unless it completed meanwhile. @throws RequestTimedOut when given up */
    void giveUpUnlessDone(Completion completion, Runnable onLateCompletion, boolean late) {
        if (completion.abandon(onLateCompletion)) {
            abandoned.incrementAndGet();
            if (late) {
                health.markHung(completion.compress, "a request outlived its timeout");
            }
            throw new RequestTimedOut(late ? "QAT request timed out" : health.refusal(completion.compress));
        }
    }

    /** Whether the device answers requests of this direction. */
    boolean answering(boolean compress) {
        return health.answering(compress);
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
        releaseLate();
    }

    /**
     * A leader's poll at a signal, if the instance has requests out (of any copy of kqat): one poll delivers every
     * response the ring holds and enables its interrupt again, so a request that completes later signals anew. An
     * instance with none out is not polled: a poll costs a crossing, the ring's lock and, on 26.08, a read of the fd.
     */
    void drain(Instance instance) {
        if (instance.outstanding.get() <= 0) {
            return;
        }
        instance.pollLock.lock();
        try {
            polls.increment();
            dc.poll(instance.address, 0);
        } finally {
            instance.pollLock.unlock();
            releaseLate();
        }
    }

    /**
     * Releases the memory of requests given up on that have completed since. A release that throws is put back and
     * retried at the next poll (the probe polls while any request is counted as out), so nothing is freed twice and
     * the request stays counted, its memory held, until its release has run to the end.
     */
    private void releaseLate() {
        Runnable release;
        while ((release = completedLate.poll()) != null) {
            try {
                release.run();
            } catch (Throwable e) {
                completedLate.add(release);
                LOG.warn("kqat: releasing the memory of a QAT request completed after its timeout failed ({}); "
                        + "retried at the next poll", e.toString());
                return;
            }
            abandoned.decrementAndGet();
        }
    }

    boolean idle() {
        return pending.isEmpty();
    }

    /** Wakes every caller waiting in this copy (the device was found not answering, or the way of waiting changed). */
    void wakeWaiters() {
        for (Completion c : pending.values()) {
            LockSupport.unpark(c.waiter);
        }
    }

    /** Called by qatlib inside a poll for every completed request: records it and wakes its caller, nothing more. */
    private void complete(long tag, int status) {
        Completion c = pending.remove(tag);
        if (c != null) {
            inFlight.decrementAndGet();
            c.instance.outstanding.decrementAndGet();
            if (c.complete(status)) {
                completedLate.add(c.late);
            }
        }
    }

    /** The fate of one request: completed with a status, or abandoned by its caller after a timeout. */
    static final class Completion {
        final Thread waiter;
        /** A compression (else a decompression): they take the device different times at the same size. */
        final boolean compress;
        final Instance instance;
        private volatile boolean done;
        private volatile int status;
        private Runnable late;

        Completion(Thread waiter, boolean compress, Instance instance) {
            this.waiter = waiter;
            this.compress = compress;
            this.instance = instance;
        }

        boolean done() {
            return done;
        }

        int status() {
            return status;
        }

        /** @return true when the request had been abandoned (its late action is then still to run) */
        boolean complete(int s) {
            boolean abandoned;
            synchronized (this) {
                status = s;
                done = true;
                abandoned = late != null;
            }
            if (abandoned) {
                return true;
            }
            if (waiter != Thread.currentThread()) { // a permit left to itself would cut its next sleep short
                LockSupport.unpark(waiter);
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
