package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.device.DeviceProfile;
import io.kqat.codec.backend.qat.device.SessionKind;
import io.kqat.codec.backend.qat.memory.DeviceLease;
import io.kqat.codec.backend.qat.memory.DeviceStaging;
import io.kqat.codec.backend.qat.memory.Flats;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.nativeio.ContextPool;
import io.kqat.codec.nativeio.DirectAddress;
import io.kqat.codec.spi.BackendException;
import java.nio.ByteBuffer;

/**
 * Runs one request of one backend on the device: finds the leases its buffers lie in (the device can reach every
 * byte, or nothing is called), checks both lists fit 255 flat buffers, picks the next instance on the node the input
 * lives on, describes the lists, submits and waits at most the request's timeout. While a request is out, its input
 * and output memory is held; if it is given up on, for a timeout or whatever else is thrown once the device took it,
 * the memory and the descriptors stay held until the device completes it (or to the process's end, if the instance
 * stops first), so a late write only ever lands in memory nobody else has been given.
 */
public final class DeviceRequests implements AutoCloseable {
    private final QatProcess process;
    private final DeviceStaging staging;
    private final DeviceProfile profile;
    private final RequestTimeouts timeouts;
    private final QatCounters counters;
    private final QatSessions sessions;
    private final ContextPool<RequestDescriptors>[] descriptors;
    private volatile boolean closed;

    public DeviceRequests(QatProcess process, DeviceStaging staging, DeviceProfile profile, RequestTimeouts timeouts,
                   QatCounters counters) {
        this(process, staging, profile, timeouts, counters, SessionKind.DEFLATE);
    }

    /** Requests on sessions of {@code kind} (LZ4s and zstd compress only). */
    @SuppressWarnings("unchecked")
    public DeviceRequests(QatProcess process, DeviceStaging staging, DeviceProfile profile, RequestTimeouts timeouts,
                   QatCounters counters, SessionKind kind) {
        this.process = process;
        this.staging = staging;
        this.profile = profile;
        this.timeouts = timeouts;
        this.counters = counters;
        this.sessions = new QatSessions(process, kind);
        int[] nodes = process.placement.nodes();
        this.descriptors = new ContextPool[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            int node = nodes[k];
            descriptors[k] = new ContextPool<>(() -> process.newDescriptors(node), RequestDescriptors::free);
        }
    }

    /**
     * One request over [src, src+inLength) into [dst, dst+outLength), both in memory of the staging.
     *
     * @throws BackendException declined when the lists need over 255 flats, the backend closed or qatlib stopped; a
     *                          device fault when the device does not answer, refuses, or times out
     */
    public Result run(boolean compress, int level, ByteBuffer src, int inLength, ByteBuffer dst, int outLength) {
        long inAddress = DirectAddress.at(src); // direct buffers only
        long outAddress = DirectAddress.at(dst);
        DeviceLease in = staging.leaseAt(inAddress, inLength); // validated: the device can reach every byte
        DeviceLease out = staging.leaseAt(outAddress, outLength);
        int flatBytes = profile.flatBytes();
        int flatsIn = Flats.count(in, inAddress, inLength, flatBytes);
        int flatsOut = Flats.count(out, outAddress, outLength, flatBytes);
        if (flatsIn > profile.maxFlats() || flatsOut > profile.maxFlats()) {
            counters.countOverRequest();
            throw BackendException.declined("the request needs " + Math.max(flatsIn, flatsOut) + " flat buffers; qatlib "
                    + "takes at most " + profile.maxFlats() + " per list");
        }
        if (!process.health.answering(compress)) {
            counters.countRefusedWhileHung();
            throw BackendException.fault(process.health.refuse(compress)); // the device is known not to answer
        }
        if (!process.enter()) {
            throw BackendException.declined("QAT stopped (the JVM is exiting)");
        }
        try {
            if (closed) {
                throw BackendException.declined("QAT backend closed");
            }
            Instance instance = process.placement.nextInstance(in.node());
            Pointer session = sessions.session(instance, compress, level);
            ContextPool<RequestDescriptors> pool = descriptors[process.placement.indexOf(instance.info.node())];
            RequestDescriptors d = pool.borrow();
            boolean ours = true; // false once the device may still use them after a timeout
            try {
                d.prepare(compress, profile.compressAndVerify());
                d.source(in, inAddress, inLength, flatBytes);
                d.destination(out, outAddress, outLength, flatBytes);
                counters.countRequest();
                instance.requests.increment();
                long deadline = System.nanoTime() + timeouts.forBytes((long) inLength + outLength);
                Runnable releaseIn = in.hold();
                Runnable releaseOut = out.hold();
                boolean[] givenBack = {false};
                Runnable lateRelease = () -> { // may run again after it threw: each step at most once
                    releaseIn.run();
                    releaseOut.run();
                    if (!givenBack[0]) {
                        givenBack[0] = true; // before: descriptors lost beat descriptors lent twice
                        pool.giveBack(d);
                    }
                };
                int callback;
                RequestRunner.Completion c = null;
                try {
                    c = process.requests.submit(instance, compress, session, d, deadline);
                    callback = process.requests.await(instance, c, (long) inLength + outLength, deadline, lateRelease);
                } catch (RequestRunner.RequestTimedOut e) {
                    ours = false;
                    counters.countTimeout();
                    throw e;
                } catch (Throwable e) {
                    // Anything else after the device took the request (an Error in the wait or the poll, in the
                    // completion callback): the device may still write, so its memory is held until it completes.
                    if (c != null && process.requests.keepUntilCompleted(c, lateRelease)) {
                        ours = false;
                    }
                    throw e;
                } finally {
                    if (ours) {
                        releaseIn.run();
                        releaseOut.run();
                    }
                }
                return new Result(callback, d);
            } finally {
                if (ours) {
                    pool.giveBack(d);
                }
            }
        } finally {
            process.leave();
        }
    }

    /** No more requests; sessions and descriptors freed (the caller holds the process exclusively). */
    @Override
    public void close() {
        closed = true;
        sessions.close(process.drainNanos());
        for (ContextPool<RequestDescriptors> pool : descriptors) {
            pool.close();
        }
    }

    /** No more requests, without touching qatlib (it stopped, or requests are stuck). */
    public void markClosed() {
        closed = true;
    }

    /** What the device answered: the callback's status and the request's results, read once. */
    public static final class Result {
        private final int callbackStatus;
        private final int status;
        private final long produced;
        private final long consumed;
        private final long checksum;
        private final boolean endOfLastBlock;
        private final boolean dataUncompressed;

        Result(int callbackStatus, RequestDescriptors d) {
            this.callbackStatus = callbackStatus;
            this.status = d.resultStatus();
            this.produced = d.resultProduced();
            this.consumed = d.resultConsumed();
            this.checksum = d.resultChecksum();
            this.endOfLastBlock = d.resultEndOfLastBlock();
            this.dataUncompressed = d.resultDataUncompressed();
        }

        public int callbackStatus() {
            return callbackStatus;
        }

        public boolean callbackOk() {
            return callbackStatus == CpaStatus.SUCCESS;
        }

        public int status() {
            return status;
        }

        public long produced() {
            return produced;
        }

        public long consumed() {
            return consumed;
        }

        public long checksum() {
            return checksum;
        }

        public boolean endOfLastBlock() {
            return endOfLastBlock;
        }

        /** The device stored the input instead of compressing it (auto-select-best, or compress-and-verify's recovery). */
        public boolean dataUncompressed() {
            return dataUncompressed;
        }
    }
}
