package io.kqat.tools.devicetest;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.EmulatorControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The checks of kqat's own behaviour on the device: starting and stopping (mapping and unmapping) again and again,
 * several threads over several instances, a request that outlives its timeout, and batches the device fails.
 */
final class RobustnessChecks {
    private static final int CYCLES = 10;
    private static final int THREADS = 8;
    private static final int BATCHES_PER_THREAD = 40;

    private RobustnessChecks() {
    }

    static List<Check> all() {
        return List.of(new Simple("map-unmap", RobustnessChecks::mapUnmap),
                new NamedCheck("threads", RobustnessChecks::threads),
                new Simple("timeout", RobustnessChecks::timeout),
                new Simple("fallback", RobustnessChecks::fallback));
    }

    private static CheckResult mapUnmap(DeviceUnderTest device) {
        for (int i = 0; i < CYCLES; i++) {
            try (GzipCodec codec = device.codec()) {
                DeviceUnderTest.requireQat(codec);
                Batches.roundTrip(codec, Batches.events(i, 50_000), 6, "cycle " + i);
            }
        }
        if (device.emulated()) {
            EmulatorControl emu = device.emulator();
            for (String c : new String[] {"mappings_outstanding", "sessions_outstanding", "allocations_outstanding",
                "process_started"}) {
                Verify.equal(emu.counter(c), 0, c + " after the last close");
            }
        }
        return CheckResult.pass("map-unmap", CYCLES + " start/map/round trip/unmap/stop cycles"
                + (device.emulated() ? "; nothing left mapped, allocated or started" : ""));
    }

    private static CheckResult threads(GzipCodec codec, BackendStatus qat) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < BATCHES_PER_THREAD; i++) {
                        int size = 1000 + (thread * 7919 + i * 104_729) % 300_000;
                        Batches.roundTrip(codec, Batches.events(thread * 1000L + i, size), 1 + i % 9, "thread " + thread);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        BackendStatus now = codec.backend(qat.name());
        List<String> spread = new ArrayList<>();
        for (Map.Entry<String, Long> e : now.detail().figures().entrySet()) {
            if (e.getKey().startsWith("requests.")) {
                Verify.that(e.getValue() > 0, "no request reached " + e.getKey().substring(9));
                spread.add(e.getKey().substring(9) + " " + e.getValue());
            }
        }
        Verify.equal(now.stats().getErrors(), 0, "device faults");
        return CheckResult.pass("threads", THREADS + " threads x " + BATCHES_PER_THREAD + " batches, every one read back; "
                + "requests per instance: " + String.join(", ", spread));
    }

    /**
     * A request that outlives its timeout: on the emulator the device hangs; on a device, a timeout of 2 ms is shorter
     * than a large batch takes. Either way: one bounded wait, the batch served by the next rung, the memory held until
     * the device completes, then returned.
     */
    private static CheckResult timeout(DeviceUnderTest device) throws Exception {
        boolean hang = device.emulated();
        String base = hang ? "100" : "2";
        try (GzipCodec codec = device.codec(b -> b.setText(KqatSettings.QAT_TIMEOUT_MS, base)
                .setText(KqatSettings.QAT_TIMEOUT_PER_MIB_MS, "0"))) {
            BackendStatus qat = DeviceUnderTest.requireQat(codec);
            byte[] data = Batches.events(9, hang ? 200_000 : (int) qat.detail().figure("maxBatchBytes"));
            long start = System.nanoTime();
            try {
                if (hang) {
                    device.emulator().setHang(true);
                }
                Batches.roundTrip(codec, data, 9, "batch that timed out");
            } finally {
                if (hang) {
                    device.emulator().setHang(false);
                }
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            BackendStatus now = codec.backend(qat.name());
            Verify.that(now.detail().figure("timeouts") >= 1, "no request timed out (the device was faster than " + base
                    + " ms)");
            waitUntil(() -> codec.backend(qat.name()).detail().summary().contains("device answering"), "the device to answer");
            waitUntil(() -> held(codec.backend(qat.name())) == 0, "held memory to come back");
            return CheckResult.pass("timeout", "a request given up on after " + base + " ms (batch and read-back "
                    + ms + " ms in all) was redone by the next rung; its memory was held until the device completed it");
        }
    }

    private static long held(BackendStatus qat) {
        return qat.detail().figure("slotsInUse") + qat.detail().figure("pinnedLent");
    }

    private static CheckResult fallback(DeviceUnderTest device) {
        try (GzipCodec codec = device.codec()) {
            BackendStatus qat = DeviceUnderTest.requireQat(codec);
            Batches.Counts before = Batches.Counts.of(qat);
            long errors = codec.totals().getErrors();
            if (device.emulated()) {
                EmulatorControl emu = device.emulator();
                emu.resetCounters();
                emu.failRequests(0, 3);
                try {
                    for (int i = 0; i < 6; i++) {
                        Batches.roundTrip(codec, Batches.events(20 + i, 80_000), 6, "batch " + i);
                    }
                } finally {
                    emu.failRequests(0, 0);
                }
                Verify.equal(codec.totals().getErrors() - errors, 3, "device faults, over every QAT rung");
                return CheckResult.pass("fallback", "3 requests failed by the device: their batches were redone by the "
                        + "next rung, every batch read back");
            }
            long max = qat.detail().figure("maxBatchBytes");
            Batches.roundTrip(codec, Batches.events(21, (int) max + 1), 6, "declined batch");
            Verify.equal(Batches.Counts.of(codec.backend(qat.name())).since(before).fallbacks(), 1, "fallbacks");
            return CheckResult.pass("fallback", "a batch the device declines went to the next rung and was read back "
                    + "(a real device cannot be made to fail on purpose; --emulator injects faults)");
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            Verify.that(System.nanoTime() < deadline, "waited 30 s for " + what);
            Thread.sleep(20);
        }
    }

    /** A check that manages its own codecs. */
    private record Simple(String name, Body body) implements Check {
        interface Body {
            CheckResult run(DeviceUnderTest device) throws Exception;
        }

        @Override
        public CheckResult run(DeviceUnderTest device) throws Exception {
            return body.run(device);
        }
    }
}
