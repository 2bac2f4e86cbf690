package io.kqat.codec.metrics;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.StatsSnapshot;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a codec's ladder and counters over JMX: one MBean for the codec, one per rung of its ladder, each reading
 * the codec's {@link BackendStatus} snapshots when asked, under the names of {@link KqatObjectNames}.
 */
public final class CodecMetrics implements CodecMXBean {
    private static final Logger LOG = LoggerFactory.getLogger(CodecMetrics.class);

    private final GzipCodec codec;
    private final LongSupplier stockFallbacks;
    private final LongSupplier batchesBeforeStart;

    private CodecMetrics(GzipCodec codec, LongSupplier stockFallbacks, LongSupplier batchesBeforeStart) {
        this.codec = codec;
        this.stockFallbacks = stockFallbacks;
        this.batchesBeforeStart = batchesBeforeStart;
    }

    /** Registers (or replaces) the MBeans; a JMX failure is logged, never fatal. */
    public static void register(GzipCodec codec, LongSupplier stockFallbacks) {
        register(codec, stockFallbacks, () -> 0);
    }

    /**
     * Registers (or replaces) the codec's bean and one bean per rung the codec has now (call again once a codec that
     * starts late has its rungs).
     */
    public static void register(GzipCodec codec, LongSupplier stockFallbacks, LongSupplier batchesBeforeStart) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            Beans.replace(server, KqatObjectNames.codec(), new CodecMetrics(codec, stockFallbacks,
                    batchesBeforeStart));
            for (BackendStatus b : codec.backends()) {
                Beans.replace(server, KqatObjectNames.backend(b.name()), new BackendBean(() -> codec.backend(b.name())));
            }
        } catch (JMException e) {
            LOG.warn("kqat: JMX registration failed; counters stay available through the codec API", e);
        }
    }

    @Override
    public String getBackend() {
        return codec.backendName();
    }

    @Override
    public String getDecompressBackend() {
        return codec.decompressBackendName();
    }

    @Override
    public String[] getLadder() {
        return Beans.ladder(codec.backends());
    }

    @Override
    public long getStockFallbacks() {
        return stockFallbacks.getAsLong();
    }

    @Override
    public long getBatchBytesMoved() {
        return codec.counters().batchBytesMoved();
    }

    @Override
    public long getLastResortBatches() {
        return codec.counters().lastResortBatches();
    }

    @Override
    public long getTargetBytesCopied() {
        return codec.counters().targetBytesCopied();
    }

    @Override
    public long getReaderBytesCopied() {
        return codec.counters().readerBytesCopied();
    }

    @Override
    public long getBatchesBeforeStart() {
        return batchesBeforeStart.getAsLong();
    }

    @Override
    public StatsSnapshot getTotals() {
        return codec.totals();
    }
}
