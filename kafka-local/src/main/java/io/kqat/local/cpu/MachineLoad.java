package io.kqat.local.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * How busy the machine is, for every figure a command prints: timing on a machine whose other work outnumbers its
 * cores measures that work as much as kqat's, and the output says so.
 */
public final class MachineLoad {
    private MachineLoad() {
    }

    /** The 1-minute load average, NaN where Linux does not say. */
    public static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** {@code load average 3.2 on 2 cores} and, when above the cores, a warning about what that does to timing. */
    public static String describe() {
        double load = oneMinute();
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "load average %.1f on %d cores%s", load, cores, load > cores
                ? " (busy: other work competes for the CPUs, so times and CPU figures carry its noise)" : "");
    }
}
