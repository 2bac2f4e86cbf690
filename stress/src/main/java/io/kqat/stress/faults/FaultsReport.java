package io.kqat.stress.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Properties;

/** What one fault case showed, from the producer's and the checker's reports, and whether it passed. */
public final class FaultsReport {
    public final String caseName;
    public final Properties values;
    /** The case injects device faults, so kqat must have counted some for the run to prove anything. */
    public final boolean deviceFaultsExpected;

    public FaultsReport(FaultCase c, Properties values) {
        this.caseName = c.name;
        this.values = values;
        this.deviceFaultsExpected = c.expectsDeviceFaults();
    }

    public long number(String key) {
        String v = values.getProperty(key);
        return v == null ? -1 : Long.parseLong(v);
    }

    public String get(String key) {
        return values.getProperty(key, "");
    }

    /** Records the checker never saw, saw twice or saw out of order (or saw altered). */
    public long lostDuplicatedReordered() {
        return number("checker.lost") + number("checker.duplicated") + number("checker.reordered") + number("checker.altered");
    }

    /** Device faults kqat counted (the QAT rungs' errors), or, for a throwing rung, the requests it failed. */
    public long faultsSeen() {
        return number("producer.kqat.total.errors");
    }

    /** Times the ladder logged that a circuit opened (each opening and re-opening). */
    public long breakerOpeningsLogged() {
        try {
            String out = Files.readString(Paths.get(get("producer.output")), StandardCharsets.ISO_8859_1);
            return out.split("circuit open", -1).length - 1;
        } catch (IOException e) {
            return -1;
        }
    }

    public static void header(PrintStream out) {
        out.printf("%-40s %9s %5s %5s %5s %5s %8s %9s %8s %8s %8s %8s %9s %7s%n", "case", "records", "lost", "dup",
                "reord", "alter", "faults", "fallback", "opened", "p50 ms", "p99 ms", "max ms", "maxSend", "secs");
    }

    public void row(PrintStream out) {
        out.printf("%-40s %9s %5d %5d %5d %5d %8d %9s %8s %8s %8s %8s %9s %7s%n", caseName, get("producer.records"),
                number("checker.lost"), number("checker.duplicated"), number("checker.reordered"), number("checker.altered"),
                faultsSeen(), get("producer.kqat.total.fallbacks"),
                breakerOpeningsLogged() + "/" + get("producer.circuitOpenings"),
                get("producer.latency.p50.ms"), get("producer.latency.p99.ms"), get("producer.latency.max.ms"),
                get("producer.longestSendCall.ms"), get("producer.seconds"));
    }

    /** Per-case detail lines: who compressed, the emulator's counts, the first problem. */
    public void detail(PrintStream out) {
        StringBuilder rungs = new StringBuilder();
        values.stringPropertyNames().stream().filter(k -> k.startsWith("producer.kqat.rung.") && k.endsWith(".compressBatches"))
                .sorted().forEach(k -> rungs.append(k, "producer.kqat.rung.".length(), k.length() - ".compressBatches".length())
                        .append('=').append(values.getProperty(k)).append(' '));
        out.printf("  %s: batches by rung %s| emulator requests %s, random faults %s, injected %s | producer failed %s %s | checker %s%n",
                caseName, rungs, get("producer.emu.requests"), get("producer.emu.random_faults"),
                get("producer.emu.injected_faults"), get("producer.failed"), get("producer.firstFailure"),
                get("checker.firstProblem"));
    }
}
