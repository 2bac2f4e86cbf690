package io.kqat.codec.metrics;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.StatsSnapshot;
import io.kqat.codec.ZstdCodec;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the zstd codec's ladder and counters over JMX beside gzip's: one bean for the codec, one per rung, under
 * {@link KqatObjectNames#ZSTD_CODEC}; the rung beans are {@link BackendMXBean}s, as gzip's are.
 */
public final class ZstdCodecMetrics implements ZstdCodecMXBean {
    private static final Logger LOG = LoggerFactory.getLogger(ZstdCodecMetrics.class);

    private final ZstdCodec codec;
    /** The codec that served before this one took over (its batches still count), or null. */
    private final ZstdCodec earlier;
    private final LongSupplier stockFallbacks;

    private ZstdCodecMetrics(ZstdCodec codec, ZstdCodec earlier, LongSupplier stockFallbacks) {
        this.codec = codec;
        this.earlier = earlier;
        this.stockFallbacks = stockFallbacks;
    }

    /** Registers (or replaces) the beans; a JMX failure is logged, never fatal. */
    public static void register(ZstdCodec codec, LongSupplier stockFallbacks) {
        register(codec, null, stockFallbacks);
    }

    /**
     * As {@link #register(ZstdCodec, LongSupplier)}, for a codec that took over from {@code earlier} (the software
     * rungs that served until the device started): the codec's figures count the batches both served.
     */
    public static void register(ZstdCodec codec, ZstdCodec earlier, LongSupplier stockFallbacks) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            Beans.replace(server, KqatObjectNames.zstdCodec(), new ZstdCodecMetrics(codec, earlier, stockFallbacks));
            for (BackendStatus b : codec.backends()) {
                Beans.replace(server, KqatObjectNames.zstdBackend(b.name()), new BackendBean(() -> status(codec, b.name())));
            }
        } catch (JMException e) {
            LOG.warn("kqat: JMX registration of the zstd codec failed; counters stay available through the API", e);
        }
    }

    @Override
    public String getBackend() {
        return codec.backendName(ZstdCodec.DEFAULT_LEVEL);
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
    public String getRoutes() {
        return codec.routes();
    }

    @Override
    public long getStockFallbacks() {
        return stockFallbacks.getAsLong();
    }

    @Override
    public long getLastResortBatches() {
        return codec.counters().lastResortBatches() + (earlier == null ? 0 : earlier.counters().lastResortBatches());
    }

    @Override
    public long getBatchBytesMoved() {
        return codec.counters().batchBytesMoved() + (earlier == null ? 0 : earlier.counters().batchBytesMoved());
    }

    @Override
    public StatsSnapshot getTotals() {
        return earlier == null ? codec.totals() : codec.totals().plus(earlier.totals());
    }

    /** One zstd rung's status, looked up by name at each read. */
    private static BackendStatus status(ZstdCodec codec, String name) {
        for (BackendStatus s : codec.backends()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalStateException("no zstd rung " + name);
    }
}
