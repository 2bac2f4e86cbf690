package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.memory.DeviceLease;
import io.kqat.codec.backend.qat.memory.PinnedStaging;
import io.kqat.codec.spi.BackendException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out, off every producer's path, when a device that stopped answering answers again. While the device is
 * marked as not answering, a daemon thread polls every instance (which also delivers the late completions of requests
 * given up on, releasing their memory) and keeps one small compression in flight on each; once every instance has
 * completed a probe submitted after the hang, the device is marked as answering. At most one probe per instance is
 * outstanding, however long the device hangs.
 */
final class HangProbe implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(HangProbe.class);
    private static final long FIRST_PAUSE_NANOS = 5_000_000;
    private static final long MAX_PAUSE_NANOS = 200_000_000;
    private static final int PROBE_BYTES = 4096;

    private final QatProcess process;
    private final AtomicBoolean running = new AtomicBoolean();
    private Probe[] probes;
    /** Instances that completed a probe since this episode of not answering began. */
    private boolean[] answered;
    private QatSessions sessions;
    private PinnedStaging memory;

    HangProbe(QatProcess process) {
        this.process = process;
    }

    /** Starts the probe thread unless it runs. */
    void start() {
        if (running.compareAndSet(false, true)) {
            Thread t = new Thread(this, "kqat-qat-probe");
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void run() {
        try {
            long pause = FIRST_PAUSE_NANOS;
            answered = new boolean[process.instanceCount()];
            while (!process.health.answering()) {
                if (!process.enter()) {
                    return; // stopped: whatever is still outstanding is left to the process's end
                }
                try {
                    if (round()) {
                        process.health.markAnswering();
                        LOG.info("kqat: the QAT device answers again; requests go to it once the breaker lets them");
                    }
                } finally {
                    process.leave();
                }
                LockSupport.parkNanos(pause);
                pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("kqat: the QAT hang probe stopped: {}", e.toString());
        } finally {
            running.set(false);
        }
    }

    /** One round over every instance; true when each has answered a probe. */
    private synchronized boolean round() {
        if (probes == null) {
            probes = new Probe[process.instanceCount()];
            sessions = new QatSessions(process);
            memory = new PinnedStaging(process.libs.usdm(), process.placement.memory(), process.profile.usdm());
        }
        boolean all = true;
        for (Instance i : process.instances()) {
            process.requests.poll(i);
            Probe p = probes[i.index];
            if (p == null && !answered[i.index]) {
                probes[i.index] = p = submit(i);
            }
            if (p != null && p.completion.done()) {
                p.release();
                probes[i.index] = null;
                answered[i.index] = true;
            }
            all &= answered[i.index];
        }
        return all;
    }

    /** A probe on {@code instance}, or null when it could not be submitted this round. */
    private Probe submit(Instance instance) {
        DeviceLease in = (DeviceLease) memory.lease(PROBE_BYTES);
        DeviceLease out = (DeviceLease) memory.lease(2 * PROBE_BYTES);
        if (in == null || out == null) {
            close(in, out);
            return null;
        }
        RequestDescriptors d = null;
        try {
            Pointer session = sessions.session(instance, true, 1);
            d = process.newDescriptors(instance.info.node());
            d.prepare(true, process.profile.compressAndVerify());
            in.buffer().clear();
            d.source(in, in.address(), PROBE_BYTES, process.profile.flatBytes());
            d.destination(out, out.address(), 2 * PROBE_BYTES, process.profile.flatBytes());
            RequestRunner.Completion c = process.requests.submit(instance, true, session, d, System.nanoTime());
            return new Probe(c, in, out, d);
        } catch (BackendException e) {
            if (d != null) {
                d.free();
            }
            close(in, out);
            return null;
        }
    }

    /**
     * Frees the probe's sessions and memory when no probe is outstanding (called while this copy leaves qatlib, which
     * excludes a probe round); an outstanding probe's memory is left to the process's end, as the device may still
     * write it.
     */
    synchronized void close() {
        if (probes == null) {
            return;
        }
        for (Probe p : probes) {
            if (p != null) {
                return;
            }
        }
        sessions.close(0);
        memory.close();
        probes = null;
    }

    private static void close(DeviceLease in, DeviceLease out) {
        if (in != null) {
            in.close();
        }
        if (out != null) {
            out.close();
        }
    }

    /** One outstanding probe and the memory it holds until it completes. */
    private static final class Probe {
        final RequestRunner.Completion completion;
        final DeviceLease in;
        final DeviceLease out;
        final RequestDescriptors descriptors;

        Probe(RequestRunner.Completion completion, DeviceLease in, DeviceLease out, RequestDescriptors descriptors) {
            this.completion = completion;
            this.in = in;
            this.out = out;
            this.descriptors = descriptors;
        }

        void release() {
            descriptors.free();
            close(in, out);
        }
    }
}
