package io.kqat.tools.devicetest;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.BufferLease;
import io.kqat.codec.GzipCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Device throughput and host CPU per request, batch by batch as the Kafka hook compresses (from batch memory, one
 * member each): the CPU time of the submitting thread per request (JNA, descriptors, framing, polling), and the bytes
 * per second several threads get through the device. On the emulator the device's time is set with its latency knob.
 */
final class Throughput {
    static final int[] SIZES_KIB = {16, 64, 256};
    private static final long MEASURE_NANOS = TimeUnit.MILLISECONDS.toNanos(400);
    private static final int THREADS = 4;

    private Throughput() {
    }

    /** The emulated device's time for a request of {@code kib}: about 30 us per 64 KiB, as a 4xxx at level 1. */
    static long emulatedMicros(int kib) {
        return 5 + kib * 25L / 64;
    }

    static List<Figure> measure(DeviceUnderTest device) throws Exception {
        List<Figure> figures = new ArrayList<>();
        double sleepMicros = sleepCostMicros();
        for (int kib : SIZES_KIB) {
            if (device.emulated()) {
                device.emulator().setLatencyMicros(emulatedMicros(kib));
            }
            try (GzipCodec codec = device.codec()) {
                BackendStatus qat = DeviceUnderTest.requireQat(codec);
                byte[] data = Batches.events(kib, kib << 10);
                Host host = hostCost(codec, qat, data);
                double mbps = throughput(codec, data);
                Verify.that(codec.backend(qat.name()).stats().getCompressBatches() > 0,
                        "the device served none of the measured batches");
                figures.add(new Figure(kib, host.micros, host.sleeps, sleepMicros, mbps, qat.name()));
            } finally {
                if (device.emulated()) {
                    device.emulator().setLatencyMicros(0);
                }
            }
        }
        return figures;
    }

    /**
     * One thread, one batch kept in batch memory and one output buffer: the thread's own CPU time per compression
     * (what kqat adds to Kafka writing its records), and how often it slept waiting for the device.
     */
    private static Host hostCost(GzipCodec codec, BackendStatus qat, byte[] data) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (BufferLease lease = codec.acquireBatchBuffer(data.length)) {
            ByteBuffer in = lease.buffer();
            in.put(data).flip();
            ByteBuffer out = ByteBuffer.allocate(codec.maxCompressedLength(data.length));
            for (int i = 0; i < 200; i++) {
                compressAgain(codec, in, out);
            }
            long sleeps0 = codec.backend(qat.name()).detail().figure("sleeps");
            long n = 0;
            long cpu0 = threads.getCurrentThreadCpuTime();
            long end = System.nanoTime() + MEASURE_NANOS;
            while (System.nanoTime() < end || n < 100) {
                compressAgain(codec, in, out);
                n++;
            }
            double micros = (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / n;
            double sleeps = (codec.backend(qat.name()).detail().figure("sleeps") - sleeps0) / (double) n;
            return new Host(micros, sleeps);
        }
    }

    private static void compressAgain(GzipCodec codec, ByteBuffer in, ByteBuffer out) {
        in.rewind();
        out.clear();
        codec.compress(in, out, 1);
    }

    /** This machine's CPU cost of one timed sleep (a 20 us park): in a VM, a timer costs far more than on metal. */
    static double sleepCostMicros() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200; i++) {
            LockSupport.parkNanos(20_000);
        }
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < 1000; i++) {
            LockSupport.parkNanos(20_000);
        }
        return (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / 1000;
    }

    /** Host CPU per request and timed sleeps per request. */
    private record Host(double micros, double sleeps) {
    }

    /** Several threads at once: input bytes per second through the device. */
    private static double throughput(GzipCodec codec, byte[] data) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            long end = start + MEASURE_NANOS;
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                counts.add(pool.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        Batches.compress(codec, data, 1);
                        n++;
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> f : counts) {
                total += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return total * data.length / seconds / 1e6;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one size gave. */
    record Figure(int kib, double hostMicrosPerRequest, double sleepsPerRequest, double sleepMicros,
                  double megabytesPerSecond, String rung) {
        /** Host CPU per request beyond the timed sleeps, whose cost is the machine's. */
        double kqatMicrosPerRequest() {
            return Math.max(0, hostMicrosPerRequest - sleepsPerRequest * sleepMicros);
        }

        String line() {
            return String.format(Locale.ROOT, "perf  %3d KiB batches: host CPU %.1f us per request (submitting thread: "
                    + "%.2f timed sleeps at %.1f us each on this machine, %.1f us the rest), %.0f MB/s with %d threads "
                    + "(%s)", kib, hostMicrosPerRequest, sleepsPerRequest, sleepMicros, kqatMicrosPerRequest(),
                    megabytesPerSecond, THREADS, rung);
        }
    }
}
