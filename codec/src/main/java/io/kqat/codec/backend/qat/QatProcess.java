package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.ShortByReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * qatlib's user-space process, once per JVM and library: {@code icp_sal_userStart}, the data compression instances
 * (started, with USDM's {@code qaeVirtToPhysNUMA} registered as their address translation), and stopping it all at the
 * end. Shared by the zero-copy and pinned-copy backends; stopped when the last one closes, or at exit. Native calls
 * and stopping exclude each other, so nothing reaches qatlib after it stopped.
 */
final class QatProcess {
    private static final Logger LOG = LoggerFactory.getLogger(QatProcess.class);
    private static final Map<String, QatProcess> RUNNING = new HashMap<>();

    final QatLibraries libs;
    final RequestRunner requests;
    private final List<Instance> instances;
    private final int metaSize;
    private final AtomicInteger nextInstance = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Native calls hold the read side; stopping takes the write side. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private int users;

    private QatProcess(QatLibraries libs, List<Instance> instances, int metaSize) {
        this.libs = libs;
        this.requests = new RequestRunner(libs.dc);
        this.instances = Collections.unmodifiableList(instances);
        this.metaSize = metaSize;
    }

    /**
     * Starts (or joins) the process of these libraries.
     *
     * @throws StartException with the reason when the process, or any instance, cannot start
     */
    static synchronized QatProcess acquire(QatLibraries libs, String section) {
        QatProcess running = RUNNING.get(libs.origin);
        if (running == null) {
            running = start(libs, section);
            RUNNING.put(libs.origin, running);
            QatProcess started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "kqat-qat-stop"));
        }
        running.users++;
        return running;
    }

    /** Leaves the process; the last user stops it. */
    static synchronized void release(QatProcess process) {
        if (--process.users == 0) {
            RUNNING.remove(process.libs.origin);
            process.stop();
        }
    }

    private static QatProcess start(QatLibraries libs, String section) {
        QatLibraries.Dc dc = libs.dc;
        int status = dc.icp_sal_userStart(section);
        if (status != CpaStatus.SUCCESS) {
            throw new StartException("icp_sal_userStart(\"" + section + "\") failed (" + CpaStatus.name(status)
                    + "): is the qat service configured and the device bound to vfio-pci?");
        }
        ShortByReference count = new ShortByReference();
        status = dc.cpaDcGetNumInstances(count);
        if (status != CpaStatus.SUCCESS || count.getValue() <= 0) {
            dc.icp_sal_userStop();
            throw new StartException("no QAT data compression instances (cpaDcGetNumInstances: "
                    + CpaStatus.name(status) + ", " + count.getValue() + "); enable the dc service");
        }
        Pointer[] handles = new Pointer[count.getValue()];
        status = dc.cpaDcGetInstances(count.getValue(), handles);
        if (status != CpaStatus.SUCCESS) {
            dc.icp_sal_userStop();
            throw new StartException("cpaDcGetInstances failed (" + CpaStatus.name(status) + ")");
        }
        List<Instance> instances = new ArrayList<>();
        IntByReference meta = new IntByReference();
        int metaSize = 0; // the largest any instance asks for, so one descriptor block suits every instance
        for (Pointer h : handles) {
            status = dc.cpaDcSetAddressTranslation(h, libs.virtToPhys);
            if (status == CpaStatus.SUCCESS) {
                status = dc.cpaDcStartInstance(h, (short) 0, null);
            }
            if (status == CpaStatus.SUCCESS) {
                status = dc.cpaDcBufferListGetMetaSize(h, DeviceProfile.DEFAULT.maxFlats(), meta);
            }
            if (status != CpaStatus.SUCCESS) {
                instances.forEach(i -> dc.cpaDcStopInstance(i.handle));
                dc.icp_sal_userStop();
                throw new StartException("starting a QAT instance failed (" + CpaStatus.name(status) + ")");
            }
            metaSize = Math.max(metaSize, meta.getValue());
            instances.add(new Instance(instances.size(), h));
        }
        LOG.info("kqat: QAT started through {}: {} data compression instance(s)", libs.origin, instances.size());
        return new QatProcess(libs, instances, metaSize);
    }

    /** Instances are used in turn, spreading requests over the device's rings. */
    Instance nextInstance() {
        return instances.get(Math.floorMod(nextInstance.getAndIncrement(), instances.size()));
    }

    RequestDescriptors newDescriptors() {
        return new RequestDescriptors(libs.usdm, metaSize);
    }

    /**
     * Enters a stretch of native calls. False once the process has stopped: the caller must not touch qatlib (its
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
     * the process stopped or requests did not finish in time: the caller then leaves native clean-up to process exit.
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
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            for (Instance i : instances) {
                while (!requests.idle() && System.nanoTime() < deadline) {
                    requests.poll(i);
                    LockSupport.parkNanos(100_000);
                }
                libs.dc.cpaDcStopInstance(i.handle);
            }
            libs.dc.icp_sal_userStop();
            LOG.debug("kqat: QAT stopped ({})", libs.origin);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** The process could not start; the message says why. */
    static final class StartException extends RuntimeException {
        StartException(String message) {
            super(message);
        }
    }
}
