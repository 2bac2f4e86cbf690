package io.kqat.codec.backend.qat;

import io.kqat.codec.BackendDetail;
import io.kqat.codec.BufferLease;
import io.kqat.codec.backend.qat.device.DeviceProfile;
import io.kqat.codec.backend.qat.memory.DeviceLease;
import io.kqat.codec.backend.qat.memory.RegionStaging;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RequestTimeouts;
import io.kqat.codec.spi.BatchMemory;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The zero-copy rung: besides compressing, it lends slots of the mapped region as batch memory, so a batch written
 * there (by the Kafka hook) reaches the device without a single copy, and grows in place
 * ({@link BufferLease#growInPlace}). When no slot run is free the batch gets plain memory instead, and is staged at
 * compression like any other input: slower, never stuck.
 */
final class QatZeroCopyBackend extends QatBackend implements BatchMemory {
    private final RegionStaging region;
    private final LongAdder plainLeases = new LongAdder();

    QatZeroCopyBackend(QatProcess process, RegionStaging staging, DeviceProfile profile, RequestTimeouts timeouts) {
        super(QatZeroCopyProvider.NAME, process, staging, profile, timeouts);
        this.region = staging;
    }

    @Override
    public BufferLease acquire(int minCapacity) {
        DeviceLease lease = minCapacity <= maxCompressInput() ? region.acquire(minCapacity) : null;
        if (lease != null) {
            lease.buffer().clear();
            return lease;
        }
        plainLeases.increment();
        return BufferLease.of(ByteBuffer.allocate(minCapacity));
    }

    @Override
    public BackendDetail detail() {
        BackendDetail d = super.detail();
        Map<String, Long> figures = new LinkedHashMap<>(d.figures());
        figures.put("plainBatches", plainLeases.sum());
        return new BackendDetail(d.mode(), d.summary() + ", batches in plain memory (region full) " + plainLeases.sum(),
                figures);
    }
}
