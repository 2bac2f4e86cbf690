package io.kqat.stress.cluster;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a cluster run showed, window by window: the records in flight in it (sent before it ended, answered after it
 * began), how many were acknowledged, how many of them the stock checker found lost, duplicated, reordered or altered,
 * and their produce latency (send to acknowledgement); then the consumer group's check, the notes, and the verdict.
 */
public final class ClusterReport {
    private final List<Window> windows;
    private final SendTimes times;
    private final Map<String, Properties> clients;
    private final Properties checked;
    private final Problems log;
    private final Problems group;
    private final Stage stage;

    ClusterReport(List<Window> windows, SendTimes times, Map<String, Properties> clients, Properties checked,
                  Properties group, Stage stage) {
        this.windows = windows;
        this.times = times;
        this.clients = clients;
        this.checked = checked;
        this.log = new Problems(checked, "");
        this.group = new Problems(group, "");
        this.stage = stage;
    }

    public long sent() {
        return Long.parseLong(clients.get("producer").getProperty("records"));
    }

    /** Problems the checker found in the topic, all kinds. */
    public long logProblems() {
        return log.total();
    }

    /** Problems the consumer group's members found together, all kinds. */
    public long groupProblems() {
        return group.total();
    }

    /** Claims the run needed that did not hold. */
    public List<String> failedClaims() {
        return stage.failedClaims();
    }

    /** Every window's name, in order (events and the steady stretches between them). */
    public List<String> windowNames() {
        List<String> names = new ArrayList<>();
        windows.forEach(w -> names.add(w.name));
        return names;
    }

    /** Records in flight during the window named so, and how many of them were acknowledged. */
    public int[] inFlightAndAcked(String window) {
        SendTimes.Flight f = times.flight(windows.stream().filter(w -> w.name.equals(window)).findFirst().orElseThrow());
        return new int[] {f.records(), f.acked()};
    }

    /** Passes when nothing was lost, duplicated, reordered or altered anywhere, every send was acknowledged, and every claim held. */
    public boolean passed(PrintStream out) {
        boolean ok = true;
        Properties producer = clients.get("producer");
        if (!"0".equals(producer.getProperty("failed")) || !"0".equals(producer.getProperty("exit"))) {
            out.println("FAIL the producer: " + producer.getProperty("failed") + " sends failed " + producer.getProperty("firstFailure"));
            ok = false;
        }
        if (log.total() != 0 || Long.parseLong(checked.getProperty("distinct")) != sent()) {
            out.println("FAIL the topic: " + checked.getProperty("firstProblem"));
            ok = false;
        }
        if (group.total() != 0) {
            out.println("FAIL the consumer group: records lost, duplicated, reordered or altered");
            ok = false;
        }
        for (String claim : stage.failedClaims()) {
            out.println("FAIL " + claim);
            ok = false;
        }
        return ok;
    }

    public void print(PrintStream out) {
        out.println("| window | seconds | in flight | acked | lost | dup | reord | alter | p50 ms | p99 ms | max ms |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Window w : windows) {
            row(out, w.event ? "**" + w.name + "**" : w.name, String.format("%.1f", w.seconds()), times.flight(w), w);
        }
        Window whole = new Window("whole run", true, Long.MIN_VALUE / 4, Long.MAX_VALUE / 4);
        double seconds = windows.isEmpty() ? 0 : (windows.get(windows.size() - 1).endMillis - windows.get(0).startMillis) / 1000.0;
        row(out, "whole run", String.format("%.1f", seconds), times.flight(whole), whole);
        out.println();
        out.printf("consumer group (member-stock, then member-kqat joining): lost %d, duplicated %d, reordered %d, altered %d;"
                        + " read %s + %s, commit failures %s + %s, rebalances %s + %s, partitions held %s + %s%n",
                group.count("lost"), group.count("duplicated"), group.count("reordered"), group.count("altered"),
                member("member-stock", "read"), member(GroupJoin.MEMBER, "read"),
                member("member-stock", "commitFailures"), member(GroupJoin.MEMBER, "commitFailures"),
                member("member-stock", "rebalances"), member(GroupJoin.MEMBER, "rebalances"),
                member("member-stock", "partitionsHeld"), member(GroupJoin.MEMBER, "partitionsHeld"));
        out.printf("checker (stock, whole topic from the start): read %s, distinct %s of %d sent; %s%n",
                checked.getProperty("read"), checked.getProperty("distinct"), sent(), checked.getProperty("firstProblem"));
        Properties producer = clients.get("producer");
        out.printf("producer (kqat, QAT emulator): %s records in %s s, failed %s, longest send() %s ms, batches by qat %s, "
                        + "device faults %s%n", producer.getProperty("records"), producer.getProperty("seconds"),
                producer.getProperty("failed"), producer.getProperty("longestSendCall.ms"),
                producer.getProperty("kqat.rung.qat.compressBatches", "0"), producer.getProperty("kqat.total.errors", "0"));
        stage.notes().forEach(n -> out.println("- " + n));
    }

    private void row(PrintStream out, String name, String seconds, SendTimes.Flight f, Window w) {
        out.printf("| %s | %s | %d | %d | %d | %d | %d | %d | %s | %s | %s |%n", name, seconds, f.records(), f.acked(),
                log.in("lost", w, times), log.in("duplicated", w, times), log.in("reordered", w, times),
                log.in("altered", w, times), f.p50(), f.p99(), f.max());
    }

    private String member(String name, String key) {
        Properties p = clients.get(name);
        return p == null ? "-" : p.getProperty(key, "-");
    }
}
