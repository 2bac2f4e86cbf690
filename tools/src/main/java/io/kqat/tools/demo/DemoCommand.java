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
                  --no-emulator     use only what this machine has (system qatlib, native software, JDK)
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

            WorkloadReport kqatProduced = step(out, "producing " + records + " records through kqat",
                    () -> WorkloadJvm.produce(work, bootstrap, "demo-kqat").name("produce-kqat").records(records)
                            .seed(7).compression("gzip").clientConfig("compression.gzip.level", level)
                            .withKqatAgent(agent).run(STEP_TIMEOUT));
            WorkloadReport stockProduced = step(out, "producing " + records + " records through stock Kafka gzip",
                    () -> WorkloadJvm.produce(work, bootstrap, "demo-stock").name("produce-stock").records(records)
                            .seed(7).compression("gzip").clientConfig("compression.gzip.level", level).run(STEP_TIMEOUT));
            rows.add(DemoRow.produced("produce, kqat", kqatProduced));
            rows.add(DemoRow.produced("produce, stock gzip", stockProduced));

            for (String topic : List.of("demo-kqat", "demo-stock")) {
                String from = topic.equals("demo-kqat") ? "kqat" : "stock";
                WorkloadReport stockRead = step(out, "stock consumer reading the " + from + " topic",
                        () -> WorkloadJvm.consume(work, bootstrap, topic).name("consume-stock-" + from)
                                .records(records).seed(7).run(STEP_TIMEOUT));
                WorkloadReport kqatRead = step(out, "kqat consumer reading the " + from + " topic",
                        () -> WorkloadJvm.consume(work, bootstrap, topic).name("consume-kqat-" + from)
                                .records(records).seed(7).withKqatAgent(agent).run(STEP_TIMEOUT));
                rows.add(DemoRow.consumed("consume " + from + " topic, kqat", kqatRead));
                rows.add(DemoRow.consumed("consume " + from + " topic, stock", stockRead));
            }

            out.println();
            DemoRow.printTable(rows, out);
            out.printf("%nEvery record checked on all four reads: %d of %d each, in order, byte for byte.%n", records, records);
            out.printf("Broker (kqat agent): decompressed %s batches to validate them, backend %s.%n",
                    broker.jmxAttribute("io.kqat:type=GzipCodec", "DecompressBatches"),
                    broker.jmxAttribute("io.kqat:type=GzipCodec", "Backend"));
            out.println("Logs and reports: " + work);
            return 0;
        } catch (WorkloadJvm.WorkloadFailed e) {
            err.println("\nkqat demo: a check failed: " + e.getMessage());
            return 1;
        }
    }

    private static WorkloadReport step(PrintStream out, String what, java.util.function.Supplier<WorkloadReport> run) {
        out.print("  " + what + " ... ");
        out.flush();
        WorkloadReport r = run.get();
        out.printf("done (%.1f MB/s)%n", r.megabytesPerSecond());
        return r;
    }
}
