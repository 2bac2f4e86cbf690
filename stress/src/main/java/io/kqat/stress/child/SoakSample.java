package io.kqat.stress.child;

import io.kqat.emulator.EmulatorControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One sample of what must stay flat: RSS, the emulator's outstanding allocations, mappings, sessions, and slots in use. */
final class SoakSample {
    static final String[] SERIES = {"rssKiB", "allocations", "mappings", "sessions", "slotsInUse"};
    private static final Pattern SLOTS = Pattern.compile("slots in use (\\d+)/");

    final double seconds;
    final long[] values;
    final long produced;
    final long consumed;

    private SoakSample(double seconds, long[] values, long produced, long consumed) {
        this.seconds = seconds;
        this.values = values;
        this.produced = produced;
        this.consumed = consumed;
    }

    static SoakSample take(double seconds, EmulatorControl emu, long produced, long consumed) {
        return new SoakSample(seconds, new long[] {rssKiB(), emu.counter("allocations_outstanding"),
            emu.counter("mappings_outstanding"), emu.counter("sessions_outstanding"), slotsInUse()}, produced, consumed);
    }

    /** Slots of the QAT region lent to batches now, from the zero-copy rung's detail; -1 when it has none. */
    static long slotsInUse() {
        Matcher m = SLOTS.matcher(KqatBeans.detail("qat"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static long rssKiB() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // reported as -1
        }
        return -1;
    }

    String line() {
        StringBuilder sb = new StringBuilder(String.format("t=%6.1fs produced=%d consumed=%d", seconds, produced, consumed));
        for (int i = 0; i < SERIES.length; i++) {
            sb.append(' ').append(SERIES[i]).append('=').append(values[i]);
        }
        return sb.toString();
    }

    /** Least-squares slope of one series per minute over samples [from, to). */
    static double slopePerMinute(java.util.List<SoakSample> s, int series, int from, int to) {
        int n = to - from;
        if (n < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (int i = from; i < to; i++) {
            mx += s.get(i).seconds / 60;
            my += s.get(i).values[series];
        }
        mx /= n;
        my /= n;
        double num = 0;
        double den = 0;
        for (int i = from; i < to; i++) {
            double dx = s.get(i).seconds / 60 - mx;
            num += dx * (s.get(i).values[series] - my);
            den += dx * dx;
        }
        return den == 0 ? 0 : num / den;
    }
}
