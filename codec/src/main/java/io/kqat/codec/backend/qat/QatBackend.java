package io.kqat.codec.backend.qat;

import io.kqat.codec.BackendDetail;
import io.kqat.codec.backend.qat.device.DeviceProfile;
import io.kqat.codec.backend.qat.memory.DeviceStaging;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.runtime.DeviceRequests;
import io.kqat.codec.backend.qat.runtime.QatCounters;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RequestTimeouts;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Raw DEFLATE on a QAT device through qatlib's data compression API, one stateless request per batch, on memory its
 * {@link DeviceStaging} lends (the gzip layer stages anything else into it and counts the copy). The results are read
 * as the real generations give them ({@code results.status}, counts and {@code endOfLastBlock}, not only the
 * callback's status). A request the device cannot take (over one request, over the bound, input it rejects, input
 * cut short) is declined without penalty; a device fault (error status, timeout) is a {@link BackendException} that
 * counts towards the ladder's breaker. Either way the ladder redoes that batch on the next rung. The CRC32 of the gzip
 * trailer comes from the device's result.
 */
class QatBackend implements Backend {
    /** A raw deflate stream holding nothing: one final fixed-Huffman block with only its end code. */
    private static final byte[] EMPTY_DEFLATE = {0x03, 0x00};

    private final String name;
    final QatProcess process;
    final DeviceStaging staging;
    final DeviceProfile profile;
    private final RequestTimeouts timeouts;
    private final DeviceRequests device;
    private final int maxCompressInput;
    private final int maxCompressOutput;
    final QatCounters counters = new QatCounters();

    QatBackend(String name, QatProcess process, DeviceStaging staging, DeviceProfile profile, RequestTimeouts timeouts) {
        this.name = name;
        this.process = process;
        this.staging = staging;
        this.profile = profile;
        this.timeouts = timeouts;
        this.device = new DeviceRequests(process, staging, profile, timeouts, counters);
        this.maxCompressInput = profile.maxCompressInput();
        this.maxCompressOutput = profile.deflateBound(maxCompressInput);
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

    /** The largest batch one request compresses; larger ones are declined to the next rung (one batch, one member). */
    int maxCompressInput() {
        return maxCompressInput;
    }

    @Override
    public Deflated deflate(ByteBuffer src, ByteBuffer dst, int level) {
        int n = src.remaining();
        if (n == 0) { // qatlib refuses empty stateless input on most devices; the answer needs no device
            dst.put(EMPTY_DEFLATE);
            return new Deflated(EMPTY_DEFLATE.length, 0);
        }
        if (n > maxCompressInput) {
            counters.countOverRequest();
            throw BackendException.declined("a " + n + "-byte batch is over one QAT request (" + maxCompressInput
                    + " bytes: 255 flat buffers for its input and for the device's bound)");
        }
        // GzipMembers gave exactly the device's bound (worked out once per request, there); never more flats than fit.
        int bound = Math.min(dst.remaining(), maxCompressOutput);
        DeviceRequests.Result r = device.run(true, level, src, n, dst, bound);
        if (r.status() == CpaStatus.DC_OVERFLOW) {
            counters.countOverflow();
            throw BackendException.declined("QAT overflowed a destination of the device's own bound (" + bound
                    + " bytes for " + n + "): consumed " + r.consumed() + ", produced " + r.produced());
        }
        if (r.status() != CpaStatus.DC_OK || !r.callbackOk()) {
            throw BackendException.fault("QAT compress result " + CpaStatus.resultName(r.status()) + ", callback "
                    + CpaStatus.name(r.callbackStatus()));
        }
        long produced = r.produced();
        if (r.consumed() != n || produced <= 0 || produced > bound) {
            throw BackendException.fault("QAT compress reported " + r.consumed() + " in, " + produced + " out for " + n);
        }
        src.position(src.limit());
        dst.position(dst.position() + (int) produced);
        return new Deflated((int) produced, r.checksum());
    }

    @Override
    public Inflated inflate(ByteBuffer src, ByteBuffer dst) {
        // src may hold more members after this one: the device gets at most one list's worth, and a member longer
        // than that comes back incomplete and is inflated in software.
        int n = Math.min(src.remaining(), profile.maxListBytes());
        int outCap = dst.remaining();
        if (outCap > profile.maxListBytes()) {
            counters.countOverRequest();
            throw BackendException.declined("a member inflating to over " + profile.maxListBytes()
                    + " bytes is over one QAT request");
        }
        DeviceRequests.Result r = device.run(false, 1, src, n, dst, Math.max(outCap, 1));
        int result = r.status();
        if (result == CpaStatus.DC_OVERFLOW) {
            return Inflated.OUTPUT_TOO_SMALL;
        }
        if (result == CpaStatus.DC_FATALERR || (result == CpaStatus.DC_OK && !r.callbackOk())) {
            throw BackendException.fault("QAT decompress result " + CpaStatus.resultName(result) + ", callback "
                    + CpaStatus.name(r.callbackStatus()));
        }
        if (result != CpaStatus.DC_OK) {
            counters.countRejected(); // the caller's data, not the device: software decides, no penalty
            throw BackendException.declined("QAT rejected the deflate data: " + CpaStatus.resultName(result));
        }
        if (!r.endOfLastBlock()) {
            counters.countIncomplete();
            throw BackendException.declined(n < src.remaining()
                    ? "a member longer than one QAT request (" + n + " bytes)"
                    : "the deflate stream ends before its last block (input cut short): software decides");
        }
        long consumed = r.consumed();
        long produced = r.produced();
        if (consumed <= 0 || consumed > n || produced > outCap) {
            throw BackendException.fault("QAT decompress reported " + consumed + " in, " + produced + " out");
        }
        src.position(src.position() + (int) consumed);
        dst.position(dst.position() + (int) produced);
        return new Inflated(true, (int) consumed, (int) produced, r.checksum());
    }

    @Override
    public BackendDetail detail() {
        Map<String, Long> figures = counters.figures();
        figures.put("maxBatchBytes", (long) maxCompressInput);
        figures.put("maxInflateBytes", (long) profile.maxListBytes());
        figures.put("timeoutBaseMs", timeouts.baseMillis());
        figures.put("timeoutPerMiBMs", timeouts.perMiBMillis());
        figures.putAll(process.figures());
        figures.putAll(staging.figures());
        return new BackendDetail(staging.mode(), process.describe() + ", " + staging.summary() + ", "
                + counters.summary(), figures);
    }

    /** Forgets what the start-up self test did, so the figures describe real traffic. */
    void resetCounters() {
        counters.reset();
    }

    /**
     * Closes with no request of any backend running (the process's exclusive side), so no session, mapping or
     * descriptor is freed under a request. Requests that come later see the backend closed and go to the next rung.
     * The region is unmapped before qatlib stops, as the API requires, and its memory freed only if no batch still
     * holds a slot (a producer thread racing JVM exit keeps writing into valid memory).
     */
    @Override
    public void close() {
        if (process.enterExclusive()) {
            try {
                device.close();
                staging.close();
            } finally {
                process.leaveExclusive();
            }
        } else {
            device.markClosed(); // qatlib stopped already, or requests are stuck: native clean-up is left to the exit
        }
        QatProcess.release(process);
    }
}
