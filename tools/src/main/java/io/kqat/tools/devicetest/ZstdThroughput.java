package io.kqat.tools.devicetest;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.kqat.codec.BackendStatus;
import io.kqat.codec.ZstdCodec;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * zstd's performance figures: for the QAT zstd rung this device serves level 3 with (LZ4s on 4xxx/420xx, whose
 * sequences libzstd entropy-codes on the host; native zstd on 6xxx), at 64 KiB and 1 MiB with one and four callers,
 * the host's CPU per request ({@link HostCost}, the device's apart) beside stock zstd-3's (zstd-jni, Kafka's own
 * codec) CPU per batch on the same records written the same way, measured in the same run.
 */
final class ZstdThroughput {
    static final int[] SIZES_KIB = {64, 1024};
    static final int LEVEL = 3;
    private static final long MEASURE_NANOS = TimeUnit.MILLISECONDS.toNanos(600);

    private ZstdThroughput() {
    }

    /** The QAT zstd rung serving level 3 here, or null when there is none. */
    static String rung(DeviceUnderTest device) {
        try (ZstdCodec codec = device.zstdCodec(null)) {
            String name = codec.backendName(LEVEL);
            return name.equals(ZstdChecks.LZ4S) || name.equals(ZstdChecks.NATIVE) ? name : null;
        }
    }

    static List<Figure> measure(DeviceUnderTest device, String rung, double wakeMicros) throws Exception {
        List<Figure> figures = new ArrayList<>();
        for (int kib : SIZES_KIB) {
            if (device.emulated()) {
                device.emulator().setLatencyMicros(Throughput.emulatedMicros(kib));
            }
            try (ZstdCodec codec = device.zstdCodec(rung)) {
                BackendStatus r = ZstdBatches.rung(codec, rung);
                Verify.that(r.ready(), rung + " is not ready: " + r.skipReason());
                byte[] data = Batches.events(kib, kib << 10);
                double stock = stockMicrosPerBatch(data);
                long before = r.stats().getCompressBatches();
                for (int callers : Throughput.CALLERS) {
                    HostCost.Figure f = HostCost.measure(HostCost.zstd(codec, rung, LEVEL), data, callers,
                            MEASURE_NANOS, device.emulated() ? device.emulator() : null);
                    figures.add(new Figure(f, wakeMicros, stock));
                }
                Verify.that(ZstdBatches.rung(codec, rung).stats().getCompressBatches() > before,
                        "the device served none of the measured zstd batches");
            } finally {
                if (device.emulated()) {
                    device.emulator().setLatencyMicros(0);
                }
            }
        }
        return figures;
    }

    /**
     * Stock zstd-3's CPU per batch of {@code data} on this thread, after a warm-up: written as Kafka's own zstd codec
     * writes a batch (zstd-jni's stream behind a 16 KiB buffer, the records in the same pieces as kqat's requests).
     */
    static double stockMicrosPerBatch(byte[] data) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ByteArrayOutputStream frame = new ByteArrayOutputStream(data.length);
        for (int i = 0; i < 20; i++) {
            stockBatch(data, frame);
        }
        long n = 0;
        long cpu0 = threads.getCurrentThreadCpuTime();
        long end = System.nanoTime() + MEASURE_NANOS;
        while (System.nanoTime() < end || n == 0) {
            stockBatch(data, frame);
            n++;
        }
        return (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / n;
    }

    private static void stockBatch(byte[] data, ByteArrayOutputStream frame) throws IOException {
        frame.reset();
        try (OutputStream out = new BufferedOutputStream(
                new ZstdOutputStreamNoFinalizer(frame, RecyclingBufferPool.INSTANCE).setLevel(LEVEL), 16 << 10)) {
            for (int i = 0; i < data.length; i += 1000) {
                out.write(data, i, Math.min(1000, data.length - i));
            }
        }
    }

    /**
     * One zstd line: the rung's figure, this machine's floor under a synchronous request ({@link WakeFloor}) and stock
     * zstd-3's host CPU per batch of the same records.
     */
    record Figure(HostCost.Figure cost, double wakeMicros, double stockMicros) {
        String line() {
            HostCost.Figure c = cost;
            return String.format(Locale.ROOT, "perf zstd-3 %4d KiB batches on %s: host CPU %.1f us per request with %d "
                    + "caller%s (callers %.1f + kqat threads %.1f; a bare wake-up costs %.1f us here), stock zstd-3 "
                    + "%.1f us per batch on the host (%.2fx); latency %.0f us; %s; %.0f MB/s", c.kib(), c.rung(),
                    c.hostMicros(), c.callers(), c.callers() == 1 ? "" : "s", c.callerMicros(), c.kqatThreadMicros(),
                    wakeMicros, stockMicros, c.hostMicros() / stockMicros, c.latencyMicros(), c.deviceText(),
                    c.megabytesPerSecond());
        }
    }
}
