package io.kqat.codec.metrics;

import io.kqat.codec.GzipCodec;
import io.kqat.codec.select.BackendStats;
import io.kqat.codec.select.Rung;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes a codec's ladder and counters over JMX: one MBean for the codec, one per backend on its ladder. */
public final class CodecMetrics implements CodecMXBean {
    private static final Logger LOG = LoggerFactory.getLogger(CodecMetrics.class);
    public static final String DOMAIN = "io.kqat";

    private final GzipCodec codec;
    private final LongSupplier stockFallbacks;

    private CodecMetrics(GzipCodec codec, LongSupplier stockFallbacks) {
        this.codec = codec;
        this.stockFallbacks = stockFallbacks;
    }

    /** Registers (or replaces) the MBeans; a JMX failure is logged, never fatal. */
    public static void register(GzipCodec codec, LongSupplier stockFallbacks) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            registerReplacing(server, new ObjectName(DOMAIN + ":type=GzipCodec"), new CodecMetrics(codec, stockFallbacks));
            for (Rung rung : codec.ladder()) {
                registerReplacing(server, new ObjectName(DOMAIN + ":type=GzipCodec,backend=" + ObjectName.quote(rung.name())),
                        new BackendMetrics(rung));
            }
        } catch (JMException e) {
            LOG.warn("kqat: JMX registration failed; counters stay available through the codec API", e);
        }
    }

    private static void registerReplacing(MBeanServer server, ObjectName name, Object bean) throws JMException {
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(bean, name);
    }

    @Override
    public String getBackend() {
        return codec.backendName();
    }

    @Override
    public String[] getLadder() {
        return codec.ladder().stream().map(CodecMetrics::describe).toArray(String[]::new);
    }

    static String describe(Rung r) {
        if (!r.ready()) {
            return r.name() + ": skipped: " + r.skipReason();
        }
        String detail = r.backend().detail();
        return r.name() + ": ready" + (detail.isEmpty() ? "" : " (" + detail + ")");
    }

    private long sum(ToLongFunction<BackendStats> counter) {
        List<Rung> rungs = codec.ladder();
        long total = 0;
        for (Rung r : rungs) {
            total += counter.applyAsLong(r.stats());
        }
        return total;
    }

    @Override
    public long getCompressBatches() {
        return sum(BackendStats::compressCalls);
    }

    @Override
    public long getCompressBytesIn() {
        return sum(BackendStats::compressBytesIn);
    }

    @Override
    public long getCompressBytesOut() {
        return sum(BackendStats::compressBytesOut);
    }

    @Override
    public long getDecompressBatches() {
        return sum(BackendStats::decompressCalls);
    }

    @Override
    public long getDecompressBytesIn() {
        return sum(BackendStats::decompressBytesIn);
    }

    @Override
    public long getDecompressBytesOut() {
        return sum(BackendStats::decompressBytesOut);
    }

    @Override
    public long getFallbacks() {
        return sum(BackendStats::fallbacks);
    }

    @Override
    public long getErrors() {
        return sum(BackendStats::errors);
    }

    @Override
    public long getStockFallbacks() {
        return stockFallbacks.getAsLong();
    }

    @Override
    public double getCompressLatencyAvgMicros() {
        return micros(sum(BackendStats::compressNanos), getCompressBatches());
    }

    @Override
    public double getDecompressLatencyAvgMicros() {
        return micros(sum(BackendStats::decompressNanos), getDecompressBatches());
    }

    static double micros(long nanos, long calls) {
        return calls == 0 ? 0.0 : nanos / 1000.0 / calls;
    }
}
