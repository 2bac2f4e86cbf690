package io.kqat.tools.demo;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.metrics.KqatObjectNames;
import io.kqat.local.KafkaRuntimes;
import io.kqat.local.LocalKafkaBroker;
import io.kqat.local.cpu.MachineLoad;
import io.kqat.local.workload.WorkloadJvm;
import io.kqat.local.workload.WorkloadReport;
import io.kqat.tools.cli.CodecOptions;
import io.kqat.tools.cli.Streams;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kqat demo}: a local single-node KRaft broker running the kqat agent; the same workload produced with
 * {@code compression.type=gzip} through kqat and through Kafka's stock gzip, each read back by consumers with and
 * without kqat that check every record; the same with {@code compression.type=zstd} (stock zstd-jni, and kqat on the
 * QAT emulator's LZ4s or, without it, libzstd), read back by stock consumers; then a table of what each side cost.
 */
@Command(name = "demo", description = "A local broker with the kqat agent; producers and consumers with and without "
        + "kqat, every record checked; then a table of what each side cost.")
public final class DemoCommand implements Callable<Integer> {
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

    private final Streams io;

    @Option(names = "--records", paramLabel = "N", description = "Records per producer (default ${DEFAULT-VALUE}, "
            + "about 75 MB of JSON).")
    private long records = 200_000;

    @Option(names = "--level", paramLabel = "N", description = "compression.gzip.level of both producers (default "
            + CodecConfig.DEFAULT_LEVEL + ").")
    private int gzipLevel = CodecConfig.DEFAULT_LEVEL;

    @Option(names = "--no-emulator", description = "Skip the QAT emulator run (the broker and kqat clients then use "
            + "what this machine has: system qatlib, native software, JDK).")
    private boolean noEmulator;

    @Option(names = "--no-zstd", description = "Skip the zstd producers (stock zstd-jni and kqat's zstd).")
    private boolean noZstd;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the broker and clients keep data and logs "
            + "(default: a new temp dir).")
    private Path workDir;

    @Spec
    private CommandSpec spec;

    DemoCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        PrintStream out = io.out();
        PrintStream err = io.err();
        String level = Integer.toString(CodecOptions.checkedLevel(spec, "--level", gzipLevel));
        Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("kqat-demo");
        KafkaRuntimes runtimes = KafkaRuntimes.locate();
        Path emulator = noEmulator ? null : runtimes.emulatorDir("iova");
        String agent = emulator == null ? "" : "qat.emulator=" + emulator;

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
            if (!noZstd) {
                // zstd.mode=qat starts the device at install (under auto it would start after the first zstd batch)
                produceZstd(out, work, bootstrap, emulator == null ? "mode=software" : agent + ",zstd.mode=qat",
                        emulator != null, rows, topics);
            }

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
            out.println("Measured with " + MachineLoad.describe() + ".");
            DemoRow.printTable(rows, out);
            out.printf("%nEvery record checked on all %d reads: %d of %d each, in order, byte for byte.%n",
                    topics.size() + 1, records, records);
            out.printf("Broker (kqat agent): decompressed %s batches to validate them, backend %s.%n",
                    broker.kqatCounter("decompressBatches"),
                    broker.jmxAttribute(KqatObjectNames.CODEC, "DecompressBackend"));
            Map<String, Long> threads = broker.threadCpu();
            out.printf(Locale.ROOT, "Broker CPU: request handlers %.2f s, kqat threads %.2f s, all others %.2f s; its "
                            + "emulated QAT device %.2f s (a process of its own).%n", threads.get("handlers") / 1e9,
                    threads.get("kqat") / 1e9, (threads.get("application") + threads.get("sender")
                            + threads.get("other")) / 1e9, broker.deviceCpuNanos() / 1e9);
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

    /**
     * The same records with {@code compression.type=zstd} at level 3: Kafka's own zstd-jni, then kqat (on the QAT
     * emulator: its LZ4s rung, the device started at install; otherwise libzstd), compared with the stock row.
     */
    private void produceZstd(PrintStream out, Path work, String bootstrap, String kqatAgent, boolean qat,
                             List<DemoRow> rows, List<String> topics) {
        WorkloadReport stock = step(out, "producing " + records + " records through stock Kafka zstd",
                () -> produceZstd(work, bootstrap, "demo-zstd-stock", records, null));
        topics.add("demo-zstd-stock");
        String kqatTopic = qat ? "demo-zstd-kqat-qat" : "demo-zstd-kqat-software";
        WorkloadReport kqat = step(out, "producing " + records + " records through kqat zstd (" + (qat ? "QAT emulator"
                : "software") + ")", () -> produceZstd(work, bootstrap, kqatTopic, records, kqatAgent));
        topics.add(kqatTopic);
        DemoRow stockRow = DemoRow.producedZstd("produce, stock zstd-3", stock, null);
        rows.add(DemoRow.producedZstd("produce, kqat zstd-3 " + (qat ? "QAT emu" : "software"), kqat, stockRow));
        rows.add(stockRow);
    }

    private static WorkloadReport produceZstd(Path work, String bootstrap, String topic, long records, String agent) {
        WorkloadJvm jvm = WorkloadJvm.produce(work, bootstrap, topic).name("produce-" + topic).records(records).seed(7)
                .compression("zstd").clientConfig("compression.zstd.level", "3");
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
