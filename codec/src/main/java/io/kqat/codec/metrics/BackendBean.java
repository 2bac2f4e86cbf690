package io.kqat.codec.metrics;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.StatsSnapshot;
import java.util.Map;
import java.util.function.Supplier;

/** One rung's bean, gzip's or zstd's, over the rung's status as its codec reports it at each read. */
final class BackendBean implements BackendMXBean {
    private final Supplier<BackendStatus> status;

    BackendBean(Supplier<BackendStatus> status) {
        this.status = status;
    }

    private BackendStatus status() {
        return status.get();
    }

    @Override
    public boolean isReady() {
        return status().ready();
    }

    @Override
    public String getSkipReason() {
        BackendStatus s = status();
        return s.ready() ? "" : s.skipReason();
    }

    @Override
    public String getMode() {
        return status().mode();
    }

    @Override
    public String getDetail() {
        BackendStatus s = status();
        return s.ready() ? s.detail().toString() : "";
    }

    @Override
    public boolean isCircuitOpen() {
        return status().circuitOpen();
    }

    @Override
    public StatsSnapshot getStats() {
        return status().stats();
    }

    @Override
    public Map<String, Long> getFigures() {
        BackendStatus s = status();
        return s.ready() ? s.detail().figures() : Map.of();
    }

    @Override
    public double getCompressSeconds() {
        StatsSnapshot s = status().stats();
        return s.getCompressLatencyAvgMicros() * s.getCompressBatches() / 1e6;
    }

    @Override
    public double getDecompressSeconds() {
        StatsSnapshot s = status().stats();
        return s.getDecompressLatencyAvgMicros() * s.getDecompressBatches() / 1e6;
    }
}
