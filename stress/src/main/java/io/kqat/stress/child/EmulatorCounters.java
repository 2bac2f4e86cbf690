package io.kqat.stress.child;

import io.kqat.testkit.EmulatorControl;
import java.nio.file.Paths;
import java.util.Properties;

/** The QAT emulator's own counters in this JVM (the library the agent loaded), as {@code emu.*} report entries. */
final class EmulatorCounters {
    static final String[] NAMES = {"requests", "completed", "injected_faults", "random_faults", "request_errors",
        "iommu_faults", "allocations_outstanding", "mappings_outstanding", "sessions_outstanding"};

    private EmulatorCounters() {
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
