package io.kqat.tools.devicetest;

import io.kqat.local.cpu.MachineLoad;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The device test's outcome: one line per check and per size measured, as text for people or JSON for tickets. */
final class Report {
    private final String device;
    private final List<CheckResult> checks = new ArrayList<>();
    private final List<Throughput.Figure> figures = new ArrayList<>();
    private final List<ZstdThroughput.Figure> zstdFigures = new ArrayList<>();

    Report(String device) {
        this.device = device;
    }

    void add(CheckResult c) {
        checks.add(c);
    }

    void add(Throughput.Figure f) {
        figures.add(f);
    }

    void add(ZstdThroughput.Figure f) {
        zstdFigures.add(f);
    }

    List<CheckResult> checks() {
        return checks;
    }

    List<Throughput.Figure> figures() {
        return figures;
    }

    boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(CheckResult::passed);
    }

    void printText(PrintWriter out) {
        out.println("kqat device-test on " + device);
        checks.forEach(c -> out.println(c.line()));
        if (!figures.isEmpty() || !zstdFigures.isEmpty()) {
            out.println("perf  measured with " + MachineLoad.describe());
        }
        figures.forEach(f -> out.println(f.line()));
        zstdFigures.forEach(f -> out.println(f.line()));
        long failed = checks.stream().filter(c -> !c.passed()).count();
        List<String> unsupported = checks.stream().filter(c -> c.status() == CheckResult.Status.UNSUPPORTED)
                .map(CheckResult::name).toList();
        String absent = unsupported.isEmpty() ? "" : ", " + unsupported.size() + " UNSUPPORTED on this device "
                + unsupported;
        out.println(passed() ? "RESULT PASS: " + (checks.size() - unsupported.size()) + " checks passed" + absent
                : "RESULT FAIL: " + failed + " of " + checks.size() + " checks did not pass" + absent);
        out.flush();
    }

    void printJson(PrintWriter out) {
        StringBuilder sb = new StringBuilder("{\n  \"device\": ").append(quote(device)).append(",\n  \"checks\": [");
        for (int i = 0; i < checks.size(); i++) {
            CheckResult c = checks.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(quote(c.name())).append(", \"status\": ")
                    .append(quote(c.status().name())).append(", \"detail\": ").append(quote(c.detail())).append('}');
        }
        sb.append("\n  ],\n  \"performance\": [");
        for (int i = 0; i < figures.size(); i++) {
            Throughput.Figure f = figures.get(i);
            HostCost.Figure c = f.cost();
            sb.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT, "    {\"batchKiB\": %d, "
                    + "\"callers\": %d, \"hostMicrosPerRequest\": %.2f, \"callerMicrosPerRequest\": %.2f, "
                    + "\"kqatThreadMicrosPerRequest\": %.2f, \"sleepsPerRequest\": %.2f, \"sleepMicros\": %.2f, \"wakeMicros\": %.2f, "
                    + "\"latencyMicros\": %.1f, \"deviceMicrosPerRequest\": %s, \"megabytesPerSecond\": %.1f, "
                    + "\"rung\": %s, \"completions\": %s}", c.kib(), c.callers(), c.hostMicros(), c.callerMicros(),
                    c.kqatThreadMicros(), c.sleepsPerRequest(), f.sleepMicros(), f.wakeMicros(), c.latencyMicros(),
                    Double.isNaN(c.deviceMicros()) ? "null" : String.format(Locale.ROOT, "%.1f", c.deviceMicros()),
                    c.megabytesPerSecond(), quote(c.rung()), quote(f.completions())));
        }
        sb.append("\n  ],\n  \"zstdPerformance\": [");
        for (int i = 0; i < zstdFigures.size(); i++) {
            ZstdThroughput.Figure f = zstdFigures.get(i);
            HostCost.Figure c = f.cost();
            sb.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT, "    {\"batchKiB\": %d, "
                    + "\"callers\": %d, \"level\": %d, \"rung\": %s, \"hostMicrosPerRequest\": %.2f, "
                    + "\"stockZstdMicrosPerBatch\": %.2f, \"wakeMicros\": %.2f, \"latencyMicros\": %.1f, "
                    + "\"deviceMicrosPerRequest\": %s, \"megabytesPerSecond\": %.1f}", c.kib(), c.callers(),
                    ZstdThroughput.LEVEL, quote(c.rung()), c.hostMicros(), f.stockMicros(), f.wakeMicros(),
                    c.latencyMicros(),
                    Double.isNaN(c.deviceMicros()) ? "null" : String.format(Locale.ROOT, "%.1f", c.deviceMicros()),
                    c.megabytesPerSecond()));
        }
        sb.append("\n  ],\n  \"result\": ").append(quote(passed() ? "PASS" : "FAIL")).append("\n}");
        out.println(sb);
        out.flush();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
