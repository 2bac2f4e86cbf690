package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;
import io.kqat.codec.nativeio.ContextPool;
import io.kqat.codec.nativeio.DirectAddress;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.BackendDetail;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Raw DEFLATE on a QAT device through qatlib's data compression API, one stateless request per batch, on memory its
 * {@link DeviceStaging} lends (the gzip layer stages anything else into it and counts the copy). Any failure (refused
 * submission, error status, overflow, timeout) is a {@link BackendException}: the ladder redoes that batch on the next
 * rung. The CRC32 of the gzip trailer comes from the device's result.
 */
class QatBackend implements Backend {
    private final String name;
    private final QatProcess process;
    final DeviceStaging staging;
    private final DeviceProfile profile;
    private final QatSessions sessions;
    private final ContextPool<RequestDescriptors> descriptors;
    private final long timeoutNanos;
    private volatile boolean closed;
    private final LongAdder requests = new LongAdder();

    QatBackend(String name, QatProcess process, DeviceStaging staging, DeviceProfile profile, long timeoutNanos) {
        this.name = name;
        this.process = process;
        this.staging = staging;
        this.profile = profile;
        this.sessions = new QatSessions(process);
        this.descriptors = new ContextPool<>(process::newDescriptors, RequestDescriptors::free);
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StagingMemory staging() {
        return staging;
    }

    @Override
    public int deflateBound(int n) {
        return profile.deflateBound(n);
    }

    @Override
    public Deflated deflate(ByteBuffer src, ByteBuffer dst, int level) {
        int n = src.remaining();
        if (n > profile.maxRequestBytes()) {
            throw BackendException.declined("a " + n + "-byte batch is over one QAT request ("
                    + profile.maxRequestBytes() + " bytes)");
        }
        int outCap = (int) Math.min(dst.remaining(), Math.min(deflateBound(n), profile.maxRequestBytes()));
        RequestDescriptors d = run(true, level, src, n, dst, outCap);
        try {
            int result = d.resultStatus();
            if (result != CpaStatus.DC_OK) {
                throw new BackendException("QAT compress result " + CpaStatus.resultName(result));
            }
            long produced = d.resultProduced();
            if (d.resultConsumed() != n || produced <= 0 || produced > outCap) {
                throw new BackendException("QAT compress reported " + d.resultConsumed() + " in, " + produced
                        + " out for " + n);
            }
            src.position(src.limit());
            dst.position(dst.position() + (int) produced);
            return new Deflated((int) produced, d.resultChecksum());
        } finally {
            descriptors.giveBack(d);
        }
    }

    @Override
    public Inflated inflate(ByteBuffer src, ByteBuffer dst) {
        // src may hold more members after this one: the device gets at most one request's worth, and a member longer
        // than that comes back incomplete and is inflated in software.
        int n = Math.min(src.remaining(), profile.maxRequestBytes());
        int outCap = dst.remaining();
        if (outCap > profile.maxRequestBytes()) {
            throw BackendException.declined("a member inflating to over " + profile.maxRequestBytes()
                    + " bytes is over one QAT request");
        }
        RequestDescriptors d = run(false, 1, src, n, dst, Math.max(outCap, 1));
        try {
            int result = d.resultStatus();
            if (result == CpaStatus.DC_OVERFLOW) {
                return Inflated.OUTPUT_TOO_SMALL;
            }
            if (result != CpaStatus.DC_OK) {
                // Left to software, which decides whether the data is really corrupt.
                throw new BackendException("QAT rejected the deflate data: " + CpaStatus.resultName(result));
            }
            if (!d.resultEndOfLastBlock()) {
                throw new BackendException("QAT did not reach the end of the deflate stream");
            }
            long consumed = d.resultConsumed();
            long produced = d.resultProduced();
            if (consumed <= 0 || consumed > n || produced > outCap) {
                throw new BackendException("QAT decompress reported " + consumed + " in, " + produced + " out");
            }
            src.position(src.position() + (int) consumed);
            dst.position(dst.position() + (int) produced);
            return new Inflated(true, (int) consumed, (int) produced);
        } finally {
            descriptors.giveBack(d);
        }
    }

    /**
     * Describes and runs one request over [src, src+inLength) into [dst, dst+outLength), both in device memory.
     * On a timeout both leases stay held until the device completes, and the descriptors are given back only then.
     *
     * @return the descriptors holding the results; the caller gives them back
     */
    private RequestDescriptors run(boolean compress, int level, ByteBuffer src, int inLength, ByteBuffer dst, int outLength) {
        DeviceLease in = staging.leaseOf(src, inLength); // validated: the device can reach every byte
        DeviceLease out = staging.leaseOf(dst, outLength);
        long inAddress = DirectAddress.at(src);
        long outAddress = DirectAddress.at(dst);
        if (!process.enter()) {
            throw BackendException.declined("QAT stopped (the JVM is exiting)");
        }
        RequestDescriptors d = null;
        try {
            if (closed) {
                throw BackendException.declined("QAT backend closed");
            }
            Instance instance = process.nextInstance();
            Pointer session = sessions.session(instance, compress, level);
            d = descriptors.borrow();
            d.prepare(compress, profile.compressAndVerify());
            d.source(inAddress, inLength, profile.flatBytes());
            d.destination(outAddress, outLength, profile.flatBytes());
            requests.increment();
            Runnable releaseIn = in.hold();
            Runnable releaseOut = out.hold();
            RequestDescriptors held = d;
            int status;
            boolean late = false;
            try {
                status = process.requests.submitAndWait(instance, compress, session, d, timeoutNanos, () -> {
                    releaseIn.run();
                    releaseOut.run();
                    descriptors.giveBack(held);
                });
            } catch (RequestRunner.RequestTimedOut e) {
                late = true;
                d = null; // the device may still use them: the late completion gives them back
                throw e;
            } finally {
                if (!late) {
                    releaseIn.run();
                    releaseOut.run();
                }
            }
            // A failed completion with a request result (overflow, bad data) is for the caller to read; without one
            // the request itself failed.
            if (status != CpaStatus.SUCCESS && d.resultStatus() == CpaStatus.DC_OK) {
                throw new BackendException("QAT request completed with " + CpaStatus.name(status));
            }
            RequestDescriptors done = d;
            d = null;
            return done;
        } finally {
            process.leave();
            if (d != null) {
                descriptors.giveBack(d);
            }
        }
    }

    @Override
    public BackendDetail detail() {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("requests", requests.sum());
        figures.putAll(staging.figures());
        return new BackendDetail(staging.mode(), process.libs.origin + ", " + staging.summary() + ", "
                + requests.sum() + " requests", figures);
    }

    /** Forgets what the start-up self test did, so the figures describe real traffic. */
    void resetCounters() {
        requests.reset();
    }

    /**
     * Closes with no request of any backend running (the process's exclusive side), so no session, mapping or
     * descriptor is freed under a request. Requests that come later see {@code closed} and go to the next rung. The
     * region is unmapped before qatlib stops, as the API requires, and its memory freed only if no batch still holds a
     * slot (a producer thread racing JVM exit keeps writing into valid memory).
     */
    @Override
    public void close() {
        if (process.enterExclusive()) {
            try {
                closed = true;
                sessions.close();
                descriptors.close();
                staging.close();
            } finally {
                process.leaveExclusive();
            }
        } else {
            closed = true; // qatlib stopped already, or requests are stuck: native clean-up is left to the exit
        }
        QatProcess.release(process);
    }
}
