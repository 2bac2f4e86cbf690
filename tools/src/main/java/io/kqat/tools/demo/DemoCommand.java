package io.kqat.tools.demo;

import io.kqat.local.KafkaRuntimes;
import io.kqat.local.LocalKafkaBroker;
import io.kqat.local.workload.WorkloadJvm;
import io.kqat.local.workload.WorkloadReport;
import io.kqat.tools.CliArgs;
import io.kqat.tools.Command;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code kqat demo}: a local single-node KRaft broker running the kqat agent; the same workload produced with
 * {@code compression.type=gzip} through kqat and through Kafka's stock gzip, each read back by consumers with and
 * without kqat that check every record; then a table of what each side cost.
 */
public final class DemoCommand implements Command {
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "local broker + producers and consumers with and without kqat, every record checked";
    }

    @Override
    public String help() {
        return """
                usage: kqat demo [options]
                  --records N       records per producer (default 200000, about 75 MB of JSON)
                  --level N         compression.gzip.level of both producers (default 6)
                  --no-emulator     skip the QAT emulator run (the broker and kqat clients then use what this
                                    machine has: system qatlib, native software, JDK)
                  --work-dir DIR    where the broker and clients keep data and logs (default: a new temp dir)
                """;
    }

    @Override
    public int run(String[] argv, InputStream in, PrintStream out, PrintStream err) throws IOException {
        CliArgs args = new CliArgs(argv, Set.of("records", "level", "work-dir"), Set.of("no-emulator"));
        long records = args.getInt("records", 200_000);
        String level = Integer.toString(args.getInt("level", 6));
        Path work = args.has("work-dir") ? Files.createDirectories(Paths.get(args.get("work-dir", null)))
                : Files.createTempDirectory("kqat-demo");
        KafkaRuntimes runtimes = KafkaRuntimes.locate();
        Path emulator = args.has("no-emulator") ? null : runtimes.emulatorDir("iova");
        String agent = emulator == null ? "" : "emulator=" + emulator;

        out.println("kqat demo: work dir " + work);
        out.println("  QAT: " + (emulator == null ? "system qatlib if present (no emulator)" : "kqat's QAT emulator at " + emulator));
        out.print("  starting a KRaft broker with the kqat agent ... ");
        out.flush();
        try (LocalKafkaBroker broker = LocalKafkaBroker.builder(work.resolve("broker")).withKqatAgent(agent).start()) {
            out.println("ready at " + broker.bootstrapServers());
            String bootstrap = broker.bootstrapServers();
            List<DemoRow> rows = new ArrayList<>();
            List<String> topics = new ArrayList<>();

            // Producers: the same records through stock gzip, kqat in software, and kqat on QAT (or its emulator).
            WorkloadReport stock = step(out, "producing " + records + " records through stock Kafka gzip",
                    () -> produce(work, bootstrap, "demo-stock", records, level, null));
            topics.add("demo-stock");
            WorkloadReport software = step(out, "producing " + records + " records through kqat (software)",
                    () -> produce(work, bootstrap, "demo-kqat-software", records, level, "mode=software"));
            topics.add("demo-kqat-software");
            DemoRow stockRow = DemoRow.produced("produce, stock gzip", stock, null);
            rows.add(DemoRow.produced("produce, kqat software", software, stockRow));
            if (emulator != null) {
                WorkloadReport device = step(out, "producing " + records + " records through kqat (QAT emulator)",
                        () -> produce(work, bootstrap, "demo-kqat-qat", records, level, agent));
                topics.add("demo-kqat-qat");
                rows.add(DemoRow.produced("produce, kqat QAT emulator", device, stockRow));
            }
            rows.add(stockRow);

            // Consumers: every topic read back by a stock consumer, every record checked; the stock topic also by kqat.
            for (String topic : topics) {
                WorkloadReport read = step(out, "stock consumer checking " + topic,
                        () -> consume(work, bootstrap, topic, records, null));
                if (topic.equals("demo-stock")) {
                    DemoRow stockRead = DemoRow.consumed("consume stock topic, stock", read, null);
                    WorkloadReport kqatRead = step(out, "kqat consumer (software) checking " + topic,
                            () -> consume(work, bootstrap, topic, records, "mode=software"));
                    rows.add(DemoRow.consumed("consume stock topic, kqat", kqatRead, stockRead));
                    rows.add(stockRead);
                }
            }
            out.println();
            DemoRow.printTable(rows, out);
            out.printf("%nEvery record checked on all %d reads: %d of %d each, in order, byte for byte.%n",
                    topics.size() + 1, records, records);
            out.printf("Broker (kqat agent): decompressed %s batches to validate them, backend %s.%n",
                    broker.kqatCounter("decompressBatches"),
                    broker.jmxAttribute("io.kqat:type=GzipCodec", "Backend"));
            out.println("Logs and reports: " + work);
            return 0;
        } catch (WorkloadJvm.WorkloadFailed e) {
            err.println("\nkqat demo: a check failed: " + e.getMessage());
            return 1;
        }
    }

    private static WorkloadReport produce(Path work, String bootstrap, String topic, long records, String level, String agent) {
        WorkloadJvm jvm = WorkloadJvm.produce(work, bootstrap, topic).name("produce-" + topic).records(records).seed(7)
                .compression("gzip").clientConfig("compression.gzip.level", level);
        return (agent == null ? jvm : jvm.withKqatAgent(agent)).run(STEP_TIMEOUT);
    }

    private static WorkloadReport consume(Path work, String bootstrap, String topic, long records, String agent) {
        WorkloadJvm jvm = WorkloadJvm.consume(work, bootstrap, topic)
                .name("consume-" + topic + (agent == null ? "-stock" : "-kqat")).records(records).seed(7);
        return (agent == null ? jvm : jvm.withKqatAgent(agent)).run(STEP_TIMEOUT);
    }

    private static WorkloadReport step(PrintStream out, String what, java.util.function.Supplier<WorkloadReport> run) {
        out.print("  " + what + " ... ");
        out.flush();
        WorkloadReport r = run.get();
        out.printf("done (%.1f MB/s)%n", r.megabytesPerSecond());
        return r;
    }
}
