package io.kqat.codec.backend.qat;

import io.kqat.codec.BackendDetail;
import io.kqat.codec.BufferLease;
import io.kqat.codec.backend.qat.device.CompressBound;
import io.kqat.codec.backend.qat.device.SessionKind;
import io.kqat.codec.backend.qat.memory.DeviceLease;
import io.kqat.codec.backend.qat.memory.RegionStaging;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.runtime.DeviceRequests;
import io.kqat.codec.backend.qat.runtime.QatCounters;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RequestTimeouts;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.BatchMemory;
import io.kqat.codec.spi.StagingMemory;
import io.kqat.codec.zstd.spi.ZstdBackend;
import io.kqat.codec.zstd.spi.ZstdCapabilities;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the two QAT zstd rungs share: the process's device runtime and its one mapped region (the same as gzip's QAT
 * rung, so a JVM running both codecs starts qatlib once), one stateless request per batch on sessions of their
 * {@link SessionKind}, levels 1-12 (QAT's {@code CPA_DC_L1..L12}), batch memory lent from the region so a batch Kafka
 * wrote there reaches the device without a copy, and the same split of failures as gzip's rung: a request the device
 * cannot take is declined, a device fault is a {@link BackendException} that counts towards the ladder's breaker.
 */
abstract class QatZstdRung implements ZstdBackend, BatchMemory {
    private static final ZstdCapabilities LEVELS = ZstdCapabilities.compressing(1, 12);

    private final String name;
    final QatProcess process;
    final RegionStaging region;
    final CompressBound bound;
    final QatCounters counters = new QatCounters();
    private final DeviceRequests device;
    private final RequestTimeouts timeouts;
    private final int maxInput;
    private final LongAdder plainLeases = new LongAdder();

    QatZstdRung(String name, SessionKind kind, QatProcess process, RegionStaging region, CompressBound bound,
                RequestTimeouts timeouts, int maxInput) {
        this.name = name;
        this.process = process;
        this.region = region;
        this.bound = bound;
        this.timeouts = timeouts;
        this.maxInput = maxInput;
        this.device = new DeviceRequests(process, region, process.profile(), timeouts, counters, kind);
        if (bound.forInput(maxInput) > process.profile().maxListBytes()) {
            throw new IllegalArgumentException("a " + maxInput + "-byte request's output is over one buffer list");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ZstdCapabilities capabilities() {
        return LEVELS;
    }

    /** The device reads input only inside the mapped region; the engine stages anything else into it, counted. */
    @Override
    public StagingMemory inputMemory() {
        return region;
    }

    /** A slot run of the region for a batch, or plain memory when none is free or the batch is over one request. */
    @Override
    public BufferLease acquire(int minCapacity) {
        DeviceLease lease = minCapacity <= maxInput ? region.acquire(minCapacity) : null;
        if (lease != null) {
            lease.buffer().clear();
            return lease;
        }
        plainLeases.increment();
        return BufferLease.of(ByteBuffer.allocate(minCapacity));
    }

    /** Declines what one request cannot serve: no input (qatlib refuses it on some devices), over the largest, a level beyond 12. */
    void checkRequest(int n, int level) {
        if (!LEVELS.compresses(level)) {
            throw BackendException.declined("QAT compresses at levels 1..12, not " + level);
        }
        if (n == 0) {
            throw BackendException.declined("an empty batch needs no device");
        }
        if (n > maxInput) {
            counters.countOverRequest();
            throw BackendException.declined("a " + n + "-byte batch is over one QAT " + name + " request (" + maxInput
                    + " bytes)");
        }
    }

    /**
     * One request from {@code src} (in the region) into {@code out} (a region lease) of at most {@code outLength}.
     *
     * @return the result, checked: status OK, callback SUCCESS, the whole input consumed, 0 &lt; produced &le; outLength
     */
    DeviceRequests.Result request(ByteBuffer src, int n, ByteBuffer out, int outLength, int level) {
        DeviceRequests.Result r = device.run(true, level, src, n, out, outLength);
        if (r.status() == CpaStatus.DC_OVERFLOW) {
            counters.countOverflow();
            throw BackendException.declined("QAT overflowed a destination of the device's own bound (" + outLength
                    + " bytes for " + n + ")");
        }
        if (r.status() != CpaStatus.DC_OK || !r.callbackOk()) {
            throw BackendException.fault("QAT " + name + " result " + CpaStatus.resultName(r.status()) + ", callback "
                    + CpaStatus.name(r.callbackStatus()));
        }
        if (r.consumed() != n || r.produced() <= 0 || r.produced() > outLength) {
            throw BackendException.fault("QAT " + name + " reported " + r.consumed() + " in, " + r.produced() + " out for " + n);
        }
        return r;
    }

    @Override
    public BackendDetail detail() {
        Map<String, Long> figures = new LinkedHashMap<>(counters.figures());
        figures.put("maxBatchBytes", (long) maxInput);
        figures.put("plainBatches", plainLeases.sum());
        figures.put("timeoutBaseMs", timeouts.baseMillis());
        figures.put("timeoutPerMiBMs", timeouts.perMiBMillis());
        figures.putAll(process.figures());
        figures.putAll(region.figures());
        return new BackendDetail(region.mode(), "levels 1..12 (QAT's L1-L12); others stay in software; "
                + process.describe() + ", " + region.summary() + ", " + counters.summary()
                + ", batches in plain memory (region full) " + plainLeases.sum(), figures);
    }

    /** Forgets what the start-up self test did, so the figures describe real traffic. */
    void resetCounters() {
        counters.reset();
    }

    /** As gzip's QAT rung: native clean-up only with no request of any backend running. */
    @Override
    public void close() {
        if (process.enterExclusive()) {
            try {
                device.close();
                region.close();
            } finally {
                process.leaveExclusive();
            }
        } else {
            device.markClosed();
        }
        QatProcess.release(process);
    }
}
