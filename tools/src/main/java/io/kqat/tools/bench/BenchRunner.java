package io.kqat.tools.bench;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.BufferLease;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.StatsSnapshot;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures each backend at each level on the same batches, one after the other in one process, so the figures compare
 * side by side. Each batch is one gzip member, as Kafka writes one member per record batch.
 */
public final class BenchRunner {
    private final byte[] data;
    private final int batchSize;
    private final double secondsPerCell;

    public BenchRunner(byte[] data, int batchSize, double secondsPerCell) {
        this.data = data;
        this.batchSize = batchSize;
        this.secondsPerCell = secondsPerCell;
    }

    /** Backends that are ready under {@code base} (the ladder the user would get), best first. */
    public static List<String> readyBackends(CodecConfig base) {
        try (GzipCodec probe = GzipCodec.create(base)) {
            return probe.backends().stream().filter(BackendStatus::ready).map(BackendStatus::name).toList();
        }
    }

    /**
     * @return the figures, or null when {@code backend} does not compress at {@code level} (the ladder would hand that
     *         level to another backend, so there is nothing of its own to measure)
     */
    public BenchResult run(CodecConfig base, String backend, int level) {
        CodecConfig config = base.toBuilder().backend(backend).level(level).build();
        List<BufferLease> leases = new ArrayList<>();
        try (GzipCodec codec = GzipCodec.create(config)) {
            BackendStatus own = codec.backend(backend);
            if (!own.compresses(level)) {
                return null;
            }
            List<ByteBuffer> batches = slices(codec, leases);
            List<ByteBuffer> compressed = new ArrayList<>(batches.size());
            ByteBuffer out = ByteBuffer.allocateDirect(codec.maxCompressedLength(batchSize));
            long compressedBytes = 0;
            for (ByteBuffer b : batches) {
                out.clear();
                codec.compress(b.duplicate(), out, level);
                out.flip();
                ByteBuffer copy = ByteBuffer.allocateDirect(out.remaining()).put(out);
                compressed.add(copy.flip());
                compressedBytes += copy.remaining();
            }
            // one pass is far too short for the JIT (the first cell measured read up to 3.5x slow): BenchTiming
            // warms up for as long as it measures
            double compressMBps = BenchTiming.timed(() -> {
                for (ByteBuffer b : batches) {
                    out.clear();
                    codec.compress(b.duplicate(), out, level);
                }
            }, data.length, secondsPerCell);
            double decompressMBps = !own.inflates() ? Double.NaN : BenchTiming.timed(() -> {
                for (ByteBuffer c : compressed) {
                    codec.decompress(c.duplicate());
                }
            }, data.length, secondsPerCell);
            StatsSnapshot stats = codec.backend(backend).stats();
            leases.forEach(BufferLease::close);
            return new BenchResult(backend, level, data.length, compressedBytes, compressMBps, decompressMBps,
                    own.mode(), stats.getCompressCopiedIn(), stats.getCompressBytesIn());
        }
    }

    /**
     * Batches of the input in the memory the codec lends for batches, as the Kafka hook does: slots of the device
     * region under QAT zero-copy (plain memory once the region is full), direct memory otherwise.
     */
    private List<ByteBuffer> slices(GzipCodec codec, List<BufferLease> leases) {
        List<ByteBuffer> batches = new ArrayList<>();
        for (int off = 0; off < data.length; off += batchSize) {
            int n = Math.min(batchSize, data.length - off);
            BufferLease lease = codec.acquireBatchBuffer(n);
            leases.add(lease);
            ByteBuffer b = lease.buffer().isDirect() ? lease.buffer() : ByteBuffer.allocateDirect(n);
            b.clear().put(data, off, n).flip();
            batches.add(b);
        }
        return batches;
    }
}
