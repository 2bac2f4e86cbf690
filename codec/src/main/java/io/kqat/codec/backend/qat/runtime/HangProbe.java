package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.memory.DeviceLease;
import io.kqat.codec.backend.qat.memory.PinnedStaging;
import io.kqat.codec.spi.BackendException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out, off every producer's path, when a device that stopped answering answers again. While a direction is
 * marked as not answering, a daemon thread polls every instance (which also delivers the late completions of requests
 * given up on, releasing their memory) and keeps one small request of that direction in flight on each (a compression,
 * or the decompression of one stored deflate block); once every instance has completed a probe submitted after the
 * hang, that direction is marked as answering. At most one probe per instance and direction is outstanding, however
 * long the device hangs.
 */
final class HangProbe implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(HangProbe.class);
    private static final long FIRST_PAUSE_NANOS = 5_000_000;
    private static final long MAX_PAUSE_NANOS = 200_000_000;
    private static final int PROBE_BYTES = 4096;
    /** BFINAL and BTYPE 00, LEN, NLEN. */
    private static final int STORED_HEADER = 5;

    private final QatProcess process;
    private final RestartableWorker worker = new RestartableWorker("kqat-qat-probe", this);
    /** Per direction ({@link DeviceHealth#COMPRESS}, {@link DeviceHealth#DECOMPRESS}) and instance. */
    private Probe[][] probes;
    /** Per direction, instances that completed a probe since this episode of not answering began. */
    private boolean[][] answered;
    private QatSessions sessions;
    private PinnedStaging memory;

    HangProbe(QatProcess process) {
        this.process = process;
    }

    /**
     * Makes sure a probe runs: called when a request marks the device as not answering, and by every request refused
     * while it does not answer, in any copy of kqat (the flag is the process's; the probe that would clear it may
     * belong to a copy that left, or have been lost).
     */
    void start() {
        worker.start();
    }

    /**
     * Probes until both directions answer and no request given up on is still out (polling delivers its late
     * completion, which frees its memory), or this copy leaves. Nothing thrown ends it: a round that fails (an
     * {@code Error} included) is logged and the next one comes after the pause.
     */
    @Override
    public void run() {
        long pause = FIRST_PAUSE_NANOS;
        while (!process.health.answering() || process.runtime.abandoned.get() > 0) {
            if (!process.enter()) {
                return; // stopped: whatever is still outstanding is left to the process's end
            }
            try {
                rounds();
            } catch (Throwable e) {
                LOG.warn("kqat: a QAT hang probe round failed ({}); the probe goes on", e.toString());
            } finally {
                process.leave();
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
        }
    }

    private void rounds() {
        if (answered == null) {
            answered = new boolean[2][process.instanceCount()];
        }
        if (process.health.answering()) { // only late completions to deliver
            for (Instance i : process.instances()) {
                process.requests.poll(i);
            }
            return;
        }
        for (boolean compress : new boolean[] {true, false}) {
            if (!process.health.answering(compress) && round(compress)) {
                process.health.markAnswering(compress);
                answered[DeviceHealth.direction(compress)] = new boolean[process.instanceCount()];
                LOG.info("kqat: the QAT device answers {} again; requests go to it once the breaker lets them",
                        compress ? "compression" : "decompression");
            }
        }
    }

    /** One round over every instance in one direction; true when each has answered a probe of it. */
    private synchronized boolean round(boolean compress) {
        if (probes == null) {
            probes = new Probe[2][process.instanceCount()];
            sessions = new QatSessions(process);
            memory = new PinnedStaging(process.libs.usdm(), process.placement.memory(), process.profile.usdm());
        }
        int dir = DeviceHealth.direction(compress);
        boolean all = true;
        for (Instance i : process.instances()) {
            process.requests.poll(i);
            Probe p = probes[dir][i.index];
            if (p == null && !answered[dir][i.index]) {
                probes[dir][i.index] = p = submit(i, compress);
            }
            if (p != null && p.completion.done()) {
                p.release();
                probes[dir][i.index] = null;
                answered[dir][i.index] = true;
            }
            all &= answered[dir][i.index];
        }
        return all;
    }

    /** A probe on {@code instance}, or null when it could not be submitted this round. */
    private Probe submit(Instance instance, boolean compress) {
        int inBytes = compress ? PROBE_BYTES : STORED_HEADER + PROBE_BYTES;
        DeviceLease in = (DeviceLease) memory.lease(inBytes);
        DeviceLease out = (DeviceLease) memory.lease(2 * PROBE_BYTES);
        if (in == null || out == null) {
            close(in, out);
            return null;
        }
        RequestDescriptors d = null;
        try {
            Pointer session = sessions.session(instance, compress, 1);
            d = process.newDescriptors(instance.info.node());
            d.prepare(compress, process.profile.compressAndVerify());
            fill(in.buffer(), compress);
            d.source(in, in.address(), inBytes, process.profile.flatBytes());
            d.destination(out, out.address(), 2 * PROBE_BYTES, process.profile.flatBytes());
            RequestRunner.Completion c = process.requests.submit(instance, compress, session, d, System.nanoTime());
            return new Probe(c, in, out, d);
        } catch (BackendException e) {
            if (d != null) {
                d.free();
            }
            close(in, out);
            return null;
        }
    }

    /** Zeros to compress, or one final stored deflate block of zeros (RFC 1951 3.2.4) to decompress. */
    private static void fill(ByteBuffer in, boolean compress) {
        in.clear();
        if (!compress) {
            in.put((byte) 1).put((byte) PROBE_BYTES).put((byte) (PROBE_BYTES >>> 8))
                    .put((byte) ~PROBE_BYTES).put((byte) (~PROBE_BYTES >>> 8));
        }
        while (in.hasRemaining()) {
            in.put((byte) 0);
        }
        in.clear();
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
        for (Probe[] direction : probes) {
            for (Probe p : direction) {
                if (p != null) {
                    return;
                }
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
