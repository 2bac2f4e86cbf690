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
            double compressMBps = timed(() -> {
                for (ByteBuffer b : batches) {
                    out.clear();
                    codec.compress(b.duplicate(), out, level);
                }
            });
            double decompressMBps = !own.inflates() ? Double.NaN : timed(() -> {
                for (ByteBuffer c : compressed) {
                    codec.decompress(c.duplicate());
                }
            });
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

    /** The cell's time is measured in this many slices; the median slice counts. */
    static final int SLICES = 5;
    /** Slices agree when the slower is within this share of the faster: then the warm-up is over. */
    static final double STEADY = 0.9;

    /**
     * MB/s of input of one pass over all batches, repeated: warmed up until two slices in a row agree within 10% (at
     * least the cell's time, at most three times it), then measured in {@link #SLICES} slices of a fifth of the cell's
     * time each, and the median slice taken. A cell measured as one wall-clock span moved 4x between runs on a shared
     * 2-vCPU machine: a collection, a compilation or a neighbour's burst that lands in the span moves all of it; it moves
     * one slice of five here, and the median leaves it out.
     */
    private double timed(Runnable pass) {
        long budget = (long) (secondsPerCell * 1e9);
        long slice = Math.max(1, budget / SLICES);
        repeat(pass, budget);
        double previous = rate(repeat(pass, slice));
        for (long warm = budget + slice; warm < 3 * budget; warm += slice) {
            double r = rate(repeat(pass, slice));
            boolean steady = Math.min(r, previous) >= STEADY * Math.max(r, previous);
            previous = r;
            if (steady) {
                break;
            }
        }
        double[] rates = new double[SLICES];
        for (int i = 0; i < SLICES; i++) {
            rates[i] = rate(repeat(pass, slice));
        }
        return median(rates);
    }

    private double rate(long[] passesAndNanos) {
        return passesAndNanos[0] * (double) data.length / 1e6 / (passesAndNanos[1] / 1e9);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] repeat(Runnable pass, long budget) {
        long start = System.nanoTime();
        long passes = 0;
        long elapsed;
        do {
            pass.run();
            passes++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return new long[] {passes, elapsed};
    }
}
