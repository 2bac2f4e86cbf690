package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.ShortByReference;
import io.kqat.codec.backend.BackendException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * qatlib's user-space process, once per JVM and library: {@code icp_sal_userStart}, the data compression instances
 * (started, with USDM's {@code qaeVirtToPhysNUMA} registered as their address translation), request submission and
 * completion. Requests are asynchronous: each submitting thread polls its instance until its own request completes
 * (completions of other threads' requests are delivered on the way), so several requests are in flight when several
 * threads compress. Shared by the zero-copy and pinned-copy backends; stopped when the last one closes, or at exit.
 */
final class QatRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(QatRuntime.class);
    private static final Map<String, QatRuntime> RUNNING = new HashMap<>();

    final QatLibraries libs;
    private final List<Instance> instances;
    private final int metaSize;
    private final ConcurrentHashMap<Long, Completion> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger nextInstance = new AtomicInteger();
    /** Held for the runtime's life: qatlib keeps the function pointer. */
    final QatLibraries.CompletionCallback callback = this::complete;
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Native calls hold the read side; stopping takes the write side, so nothing calls qatlib after it stopped. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private int users;

    private QatRuntime(QatLibraries libs, List<Instance> instances, int metaSize) {
        this.libs = libs;
        this.instances = instances;
        this.metaSize = metaSize;
    }

    /**
     * Starts (or joins) the runtime of these libraries.
     *
     * @throws StartException with the reason when the process, or any instance, cannot start
     */
    static synchronized QatRuntime acquire(QatLibraries libs, String section) {
        QatRuntime running = RUNNING.get(libs.origin);
        if (running == null) {
            running = start(libs, section);
            RUNNING.put(libs.origin, running);
            QatRuntime started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "kqat-qat-stop"));
        }
        running.users++;
        return running;
    }

    private static QatRuntime start(QatLibraries libs, String section) {
        int status = libs.dc.icp_sal_userStart(section);
        if (status != CpaStatus.SUCCESS) {
            throw new StartException("icp_sal_userStart(\"" + section + "\") failed (" + CpaStatus.name(status)
                    + "): is the qat service configured and the device bound to vfio-pci?");
        }
        ShortByReference count = new ShortByReference();
        status = libs.dc.cpaDcGetNumInstances(count);
        if (status != CpaStatus.SUCCESS || count.getValue() <= 0) {
            libs.dc.icp_sal_userStop();
            throw new StartException("no QAT data compression instances (cpaDcGetNumInstances: "
                    + CpaStatus.name(status) + ", " + count.getValue() + "); enable the dc service");
        }
        Pointer[] handles = new Pointer[count.getValue()];
        status = libs.dc.cpaDcGetInstances(count.getValue(), handles);
        if (status != CpaStatus.SUCCESS) {
            libs.dc.icp_sal_userStop();
            throw new StartException("cpaDcGetInstances failed (" + CpaStatus.name(status) + ")");
        }
        List<Instance> instances = new ArrayList<>();
        IntByReference meta = new IntByReference();
        int metaSize = 0; // the largest any instance asks for, so one descriptor block suits every instance
        for (Pointer h : handles) {
            status = libs.dc.cpaDcSetAddressTranslation(h, libs.virtToPhys);
            if (status == CpaStatus.SUCCESS) {
                status = libs.dc.cpaDcStartInstance(h, (short) 0, null);
            }
            if (status == CpaStatus.SUCCESS) {
                status = libs.dc.cpaDcBufferListGetMetaSize(h, RequestDescriptors.MAX_FLATS, meta);
            }
            if (status != CpaStatus.SUCCESS) {
                instances.forEach(i -> libs.dc.cpaDcStopInstance(i.handle));
                libs.dc.icp_sal_userStop();
                throw new StartException("starting a QAT instance failed (" + CpaStatus.name(status) + ")");
            }
            metaSize = Math.max(metaSize, meta.getValue());
            instances.add(new Instance(instances.size(), h));
        }
        LOG.info("kqat: QAT started through {}: {} data compression instance(s)", libs.origin, instances.size());
        return new QatRuntime(libs, instances, metaSize);
    }

    int instanceCount() {
        return instances.size();
    }

    List<Instance> instances() {
        return instances;
    }

    int metaSize() {
        return metaSize;
    }

    /** Instances are used in turn, spreading requests over the device's rings. */
    Instance nextInstance() {
        return instances.get(Math.floorMod(nextInstance.getAndIncrement(), instances.size()));
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
                    ? libs.dc.cpaDcCompressData2(instance.handle, session, d.srcList, d.dstList, d.opData, d.results, tag)
                    : libs.dc.cpaDcDecompressData2(instance.handle, session, d.srcList, d.dstList, d.opData, d.results, tag);
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
            throw new BackendException((compress ? "cpaDcCompressData2" : "cpaDcDecompressData2") + " refused the request: "
                    + CpaStatus.name(status));
        }
        spins = 0;
        while (!completion.done()) {
            poll(instance);
            if (completion.done()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                if (completion.abandon(onLateCompletion)) {
                    throw new RequestTimedOut("QAT request timed out after " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
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

    /** Polls unless another thread is already polling this instance (qatlib's poll is not reentrant per instance). */
    void poll(Instance instance) {
        if (instance.pollLock.tryLock()) {
            try {
                libs.dc.icp_sal_DcPollInstance(instance.handle, 0);
            } finally {
                instance.pollLock.unlock();
            }
        }
    }

    /** Called by qatlib inside a poll for every completed request. */
    private void complete(Pointer tag, int status) {
        Completion c = pending.remove(Pointer.nativeValue(tag));
        if (c != null) {
            c.complete(status);
        }
    }

    RequestDescriptors newDescriptors() {
        return new RequestDescriptors(libs.usdm, metaSize);
    }

    /** Leaves the runtime; the last user stops it. */
    static synchronized void release(QatRuntime runtime) {
        if (--runtime.users == 0) {
            RUNNING.remove(runtime.libs.origin);
            runtime.stop();
        }
    }

    /**
     * Enters a stretch of native calls. False once the runtime has stopped: the caller must not touch qatlib (its
     * handles are gone) and falls back or skips its clean-up instead.
     */
    boolean enter() {
        lifecycle.readLock().lock();
        if (stopped.get()) {
            lifecycle.readLock().unlock();
            return false;
        }
        return true;
    }

    void leave() {
        lifecycle.readLock().unlock();
    }

    /**
     * Waits for every request of every backend to finish and keeps new ones out, for a backend's clean-up. False when
     * the runtime stopped or requests did not finish in time: the caller then leaves native clean-up to process exit.
     */
    boolean enterExclusive() {
        try {
            if (!lifecycle.writeLock().tryLock(10, TimeUnit.SECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (stopped.get()) {
            lifecycle.writeLock().unlock();
            return false;
        }
        return true;
    }

    void leaveExclusive() {
        lifecycle.writeLock().unlock();
    }

    /**
     * Drains, stops every instance, then the process. Runs once. If requests are still running after the wait (the
     * JVM is exiting under load), qatlib is left to the process's exit rather than stopped under their feet.
     */
    private void stop() {
        boolean exclusive;
        try {
            exclusive = lifecycle.writeLock().tryLock(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exclusive = false;
        }
        if (!stopped.compareAndSet(false, true)) {
            if (exclusive) {
                lifecycle.writeLock().unlock();
            }
            return;
        }
        if (!exclusive) {
            LOG.warn("kqat: QAT requests still running at stop; qatlib is released by the process exit");
            return;
        }
        try {
            stopNative();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void stopNative() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Instance i : instances) {
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                poll(i);
                LockSupport.parkNanos(100_000);
            }
            libs.dc.cpaDcStopInstance(i.handle);
        }
        libs.dc.icp_sal_userStop();
        LOG.debug("kqat: QAT stopped ({})", libs.origin);
    }

    boolean stopped() {
        return stopped.get();
    }

    /** One data compression instance. */
    static final class Instance {
        final int index;
        final Pointer handle;
        final ReentrantLock pollLock = new ReentrantLock();

        Instance(int index, Pointer handle) {
            this.index = index;
            this.handle = handle;
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

    /** The runtime could not start; the message says why. */
    static final class StartException extends RuntimeException {
        StartException(String message) {
            super(message);
        }
    }
}
