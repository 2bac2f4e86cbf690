package io.kqat.local.workload;

import io.kqat.codec.metrics.KqatObjectNames;
import io.kqat.local.cpu.DeviceCpu;
import io.kqat.local.cpu.ThreadCpu;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * What a workload program found, written as a properties file for the JVM that started it. Includes what kqat's MBean
 * says in that JVM (read by name over JMX, so this code needs no kqat class and runs without kqat too).
 */
public final class WorkloadReport {
    private final Properties values = new Properties();
    private final Map<String, Long> cpuBaseline = new HashMap<>();

    /** A report of this JVM, which it names by its Java version ({@code java.version}). */
    public WorkloadReport() {
        put("java.version", System.getProperty("java.version"));
    }

    public WorkloadReport put(String key, Object value) {
        values.setProperty(key, String.valueOf(value));
        return this;
    }

    public String get(String key) {
        return values.getProperty(key);
    }

    public long getLong(String key) {
        String v = values.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("report has no '" + key + "': " + values);
        }
        return Long.parseLong(v);
    }

    public double getDouble(String key) {
        String v = values.getProperty(key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    /** Records' bytes per second over the program's measured time, in MB/s. */
    public double megabytesPerSecond() {
        return getLong("bytes") / 1e6 / (getLong("nanos") / 1e9);
    }

    /**
     * Adds this JVM's CPU by thread group ({@code cpu.application}, {@code cpu.sender}, {@code cpu.handlers},
     * {@code cpu.kqat}, {@code cpu.other}; see {@link ThreadCpu}) and the QAT emulator's device process's
     * ({@code cpu.device}, not part of any of them), in nanoseconds. Call before the client closes: its threads'
     * time goes with them.
     */
    public WorkloadReport putThreadCpu() {
        ThreadCpu.byGroup(ManagementFactory.getThreadMXBean()).forEach((group, nanos) ->
                put("cpu." + group, nanos - cpuBaseline.getOrDefault(group, 0L)));
        return put("cpu.device", DeviceCpu.ofThisJvm() - cpuBaseline.getOrDefault("device", 0L));
    }

    /** From now on {@link #putThreadCpu()} counts only what is spent after this call (a measured run's start). */
    public WorkloadReport markThreadCpu() {
        cpuBaseline.putAll(ThreadCpu.byGroup(ManagementFactory.getThreadMXBean()));
        cpuBaseline.put("device", DeviceCpu.ofThisJvm());
        return this;
    }

    /** Adds kqat.installed and, when installed, its backend, ladder and counters; the same for zstd (kqat.zstd.*). */
    public WorkloadReport putKqatMetrics() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName(KqatObjectNames.CODEC);
            boolean installed = server.isRegistered(name);
            put("kqat.installed", installed);
            if (installed) {
                for (String attr : new String[] {"Backend", "DecompressBackend", "StockFallbacks", "BatchesBeforeStart"}) {
                    put("kqat." + attr, server.getAttribute(name, attr));
                }
                CompositeData totals = (CompositeData) server.getAttribute(name, "Totals");
                for (String key : totals.getCompositeType().keySet()) {
                    put("kqat." + Character.toUpperCase(key.charAt(0)) + key.substring(1), totals.get(key));
                }
                put("kqat.Ladder", String.join(" | ", (String[]) server.getAttribute(name, "Ladder")));
            }
            putZstd(server);
        } catch (Exception e) {
            put("kqat.error", e.toString());
        }
        return this;
    }

    /** kqat.zstd.installed and, when kqat's zstd hook is on, its backends and counters as kqat.zstd.*. */
    private void putZstd(MBeanServer server) throws Exception {
        ObjectName zstd = new ObjectName(KqatObjectNames.ZSTD_CODEC);
        boolean installed = server.isRegistered(zstd);
        put("kqat.zstd.installed", installed);
        if (installed) {
            for (String attr : new String[] {"Backend", "DecompressBackend", "StockFallbacks", "LastResortBatches"}) {
                put("kqat.zstd." + attr, server.getAttribute(zstd, attr));
            }
            CompositeData totals = (CompositeData) server.getAttribute(zstd, "Totals");
            for (String key : totals.getCompositeType().keySet()) {
                put("kqat.zstd." + Character.toUpperCase(key.charAt(0)) + key.substring(1), totals.get(key));
            }
        }
    }

    public void write(Path file) {
        try (Writer w = Files.newBufferedWriter(file)) {
            values.store(w, "kqat workload report");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WorkloadReport read(Path file) {
        WorkloadReport r = new WorkloadReport();
        try (Reader in = Files.newBufferedReader(file)) {
            r.values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no workload report at " + file, e);
        }
        return r;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
