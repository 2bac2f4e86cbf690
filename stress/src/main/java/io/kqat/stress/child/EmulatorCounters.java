package io.kqat.stress.child;

import io.kqat.agent.KafkaGzipHook;
import io.kqat.emulator.EmulatorControl;
import java.nio.file.Paths;
import java.util.Properties;

/** The QAT emulator's own counters in this JVM (the library the agent loaded), as {@code emu.*} report entries. */
final class EmulatorCounters {
    static final String[] NAMES = {"requests", "completed", "injected_faults", "random_faults", "request_errors",
        "iommu_faults", "allocations_outstanding", "mappings_outstanding", "sessions_outstanding"};

    private EmulatorCounters() {
    }

    /**
     * Makes the emulated device fail {@code percent}% of requests from now on (decided by {@code seed} and each
     * request's number), or hang from the {@code hangAfter}-th request from now (negative: no hang). Set after the
     * agent started, so kqat's start-up self test is not what fails.
     */
    static void injectFaults(String dir, long percent, long seed, long hangAfter) {
        if (dir == null || percent <= 0 && hangAfter < 0) {
            return;
        }
        // kqat starts at the first gzip batch, and a device failing its start-up self test is never used: start it
        // now, so the faults hit a device that serves (as after a start at premain before the hook became lazy)
        KafkaGzipHook.startNow();
        EmulatorControl emu = EmulatorControl.open(Paths.get(dir));
        if (percent > 0) {
            emu.setSeed(seed);
            emu.setFailPercent((int) percent);
        }
        if (hangAfter >= 0) {
            emu.setHangFrom(emu.counter("requests") + hangAfter);
        }
    }

    /** @param dir the emulator directory the agent was given, or null (nothing is added) */
    static void putAll(Properties p, String dir) {
        if (dir == null) {
            return;
        }
        EmulatorControl emu = EmulatorControl.open(Paths.get(dir));
        for (String n : NAMES) {
            p.setProperty("emu." + n, Long.toString(emu.counter(n)));
        }
    }
}
