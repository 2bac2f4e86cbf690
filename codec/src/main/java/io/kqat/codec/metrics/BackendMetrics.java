package io.kqat.codec.metrics;

import io.kqat.codec.select.BackendStats;
import io.kqat.codec.select.Rung;

/** {@link BackendMXBean} over one rung of the ladder. */
final class BackendMetrics implements BackendMXBean {
    private final Rung rung;
    private final BackendStats stats;

    BackendMetrics(Rung rung) {
        this.rung = rung;
        this.stats = rung.stats();
    }

    @Override
    public boolean isReady() {
        return rung.ready();
    }

    @Override
    public String getSkipReason() {
        return rung.ready() ? "" : rung.skipReason();
    }

    @Override
    public String getDetail() {
        return rung.ready() ? rung.backend().detail() : "";
    }

    @Override
    public boolean isCircuitOpen() {
        return rung.breaker().isOpen();
    }

    @Override
    public long getCompressBatches() {
        return stats.compressCalls();
    }

    @Override
    public long getCompressBytesIn() {
        return stats.compressBytesIn();
    }

    @Override
    public long getCompressBytesOut() {
        return stats.compressBytesOut();
    }

    @Override
    public long getDecompressBatches() {
        return stats.decompressCalls();
    }

    @Override
    public long getDecompressBytesIn() {
        return stats.decompressBytesIn();
    }

    @Override
    public long getDecompressBytesOut() {
        return stats.decompressBytesOut();
    }

    @Override
    public long getErrors() {
        return stats.errors();
    }

    @Override
    public long getFallbacks() {
        return stats.fallbacks();
    }

    @Override
    public double getCompressLatencyAvgMicros() {
        return CodecMetrics.micros(stats.compressNanos(), stats.compressCalls());
    }

    @Override
    public double getDecompressLatencyAvgMicros() {
        return CodecMetrics.micros(stats.decompressNanos(), stats.decompressCalls());
    }
}
