package io.kqat.tools.devicetest;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.GzipCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The performance figures: at each batch size, one synchronous caller and then four concurrent callers, each line
 * the host's CPU per request ({@link HostCost}: callers and kqat's threads, the device excluded), the latency, the
 * device's own time (emulator only) and MB/s. On the emulator the device's time per request is at least its latency
 * knob, set to about a 4xxx's at level 1. The request path is warmed up first, unmeasured.
 */
final class Throughput {
    static final int[] SIZES_KIB = {16, 64, 256, 1024};
    static final int[] CALLERS = {1, 4};
    private static final long MEASURE_NANOS = TimeUnit.MILLISECONDS.toNanos(600);
    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(2);

    private Throughput() {
    }

    /** The emulated device's time for a request of {@code kib}: about 30 us per 64 KiB, as a 4xxx at level 1. */
    static long emulatedMicros(int kib) {
        return 5 + kib * 25L / 64;
    }

    /**
     * @param sleepMicros this machine's CPU cost of a timed sleep ({@link #sleepCostMicros()})
     * @param wakeMicros  its floor under a synchronous request ({@link WakeFloor})
     */
    static List<Figure> measure(DeviceUnderTest device, double sleepMicros, double wakeMicros) throws Exception {
        List<Figure> figures = new ArrayList<>();
        warmUp(device);
        for (int kib : SIZES_KIB) {
            if (device.emulated()) {
                device.emulator().setLatencyMicros(emulatedMicros(kib));
            }
            try (GzipCodec codec = device.codec()) {
                BackendStatus qat = DeviceUnderTest.requireQat(codec);
                byte[] data = Batches.events(kib, kib << 10);
                for (int callers : CALLERS) {
                    HostCost.Figure f = HostCost.measure(HostCost.gzip(codec, qat.name()), data, callers, MEASURE_NANOS,
                            device.emulated() ? device.emulator() : null);
                    figures.add(new Figure(f, sleepMicros, wakeMicros, completions(qat)));
                }
                Verify.that(codec.backend(qat.name()).stats().getCompressBatches() > 0,
                        "the device served none of the measured batches");
            } finally {
                if (device.emulated()) {
                    device.emulator().setLatencyMicros(0);
                }
            }
        }
        return figures;
    }

    /**
     * The request path run unmeasured first, four callers at 16 KiB for {@link #WARM_UP_NANOS}: otherwise the first
     * cells measure the interpreter and the JIT's first tiers (a few hundred requests each on the emulator), not the
     * path a long-running producer or broker runs.
     */
    private static void warmUp(DeviceUnderTest device) throws Exception {
        if (device.emulated()) {
            device.emulator().setLatencyMicros(emulatedMicros(16));
        }
        try (GzipCodec codec = device.codec()) {
            BackendStatus qat = DeviceUnderTest.requireQat(codec);
            HostCost.measure(HostCost.gzip(codec, qat.name()), Batches.events(16, 16 << 10), 4, WARM_UP_NANOS, null);
        } finally {
            if (device.emulated()) {
                device.emulator().setLatencyMicros(0);
            }
        }
    }

    private static String completions(BackendStatus qat) {
        return qat.detail().figure("eventDriven") == 1 ? "event-driven" : "polled";
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

    /**
     * One line of figures: a {@link HostCost.Figure}, the machine's cost of a timed sleep and of a bare wake-up
     * ({@link WakeFloor}: no synchronous caller that sleeps for its device costs less per request), and the
     * completion mode.
     */
    record Figure(HostCost.Figure cost, double sleepMicros, double wakeMicros, String completions) {
        int kib() {
            return cost.kib();
        }

        String line() {
            HostCost.Figure c = cost;
            return String.format(Locale.ROOT, "perf %4d KiB batches: host CPU %.1f us per request with %d caller%s "
                    + "(callers %.1f + kqat threads %.1f; %.2f timed sleeps, %.0f us each here; a bare wake-up costs %.1f "
                    + "us here), latency %.0f us; %s; "
                    + "%.0f MB/s (%s, completions %s)", c.kib(), c.hostMicros(), c.callers(),
                    c.callers() == 1 ? "" : "s", c.callerMicros(), c.kqatThreadMicros(), c.sleepsPerRequest(),
                    sleepMicros, wakeMicros, c.latencyMicros(), c.deviceText(), c.megabytesPerSecond(), c.rung(),
                    completions);
        }
    }
}
