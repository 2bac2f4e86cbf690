package io.kqat.local.e2e;

import io.kqat.local.ChildJvm;
import io.kqat.local.KafkaRuntimes;
import io.kqat.local.LocalKafkaBroker;
import io.kqat.local.workload.WorkloadReport;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The end-to-end figure: real producers and consumers (each its own JVM, on a chosen kafka-clients release) against
 * real local brokers, every row at two run lengths, CPU per record as the slope between them. Stock rows talk to a
 * stock broker, kqat rows to a broker with kqat's agent (so the broker's validation CPU is kqat's too), QAT rows to a
 * broker with the agent on kqat's QAT emulator (a broker per emulated generation, the clients on the same one); stock
 * rows first, then kqat, then QAT, one broker at a time, each
 * row's short run right before its long run. Besides each process's CPU, each JVM's CPU by thread group and the
 * emulated device's CPU (its own process, never counted in the JVMs') are recorded. Each row first sends a fifth of
 * the short run through the broker, unmeasured (kqat's start in the broker, the JIT). The table keeps the rows in the
 * order asked for.
 */
public final class E2eRun {
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(15);
    private static final String KAFKA = ChildSettings.KAFKA_PREFIX;

    private final E2eSettings settings;
    private final KafkaRuntimes runtimes = KafkaRuntimes.locate();
    private final PrintWriter progress;

    public E2eRun(E2eSettings settings, PrintWriter progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public List<E2eResult> run() {
        Path dataset = settings.dataset() != null ? settings.dataset() : PublicDataset.file();
        List<E2eRow> rows = E2eRow.parseAll(settings.codecs());
        Map<E2eRow, E2eResult> results = new LinkedHashMap<>();
        rows.forEach(r -> results.put(r, null));
        // One broker at a time: fewer JVMs at once, so a busy machine still starts each broker in time.
        for (String sideName : new String[] {"stock", "kqat", "qat", "qat6"}) {
            List<E2eRow> side = rows.stream().filter(r -> r.side().equals(sideName)).collect(Collectors.toList());
            if (side.isEmpty()) {
                continue;
            }
            LocalKafkaBroker.Builder builder = LocalKafkaBroker.builder(settings.workDir().resolve("broker-" + sideName));
            if (!sideName.equals("stock")) {
                builder.withKqatAgent(agentOptions(side.get(0)));
                side.get(0).environment().forEach(builder::environment);
            }
            try (LocalKafkaBroker broker = builder.start()) {
                for (E2eRow row : side) {
                    results.put(row, measure(row, broker, dataset));
                }
            }
        }
        return new ArrayList<>(results.values());
    }

    private E2eResult measure(E2eRow row, LocalKafkaBroker broker, Path dataset) {
        warmUp(row, broker, dataset);
        E2eSample shortRun = sample(row, broker, dataset, settings.shortRecords());
        E2eSample longRun = sample(row, broker, dataset, settings.longRecords());
        E2eResult result = E2eResult.of(row, shortRun, longRun);
        progress.printf("e2e %-12s producer %.2f µs/record, consumer %.2f µs/record, broker %.2f µs/record%n",
                row.name(), result.producerMicrosPerRecord(), result.consumerMicrosPerRecord(),
                result.brokerMicrosPerRecord());
        progress.flush();
        return result;
    }

    /**
     * The row's path through the broker, once and not measured, before its runs: kqat in the broker starts at its
     * first gzip batch (for a QAT row the device too), and the JIT compiles the row's validation path. Counted in the
     * short run, that start made the broker's slope negative.
     */
    private void warmUp(E2eRow row, LocalKafkaBroker broker, Path dataset) {
        long records = Math.max(1_000, settings.shortRecords() / 5);
        runChild("warmup-" + row.name() + "-" + records, row, E2eProducer.class,
                produceSettings(common(row, broker, dataset, records), row));
    }

    private Map<String, String> common(E2eRow row, LocalKafkaBroker broker, Path dataset, long records) {
        String topic = "e2e-" + row.name() + "-" + records + "-" + Long.toHexString(System.nanoTime());
        Map<String, String> common = new LinkedHashMap<>();
        common.put("topic", topic);
        common.put("records", Long.toString(records));
        common.put("dataset", dataset.toAbsolutePath().toString());
        common.put(KAFKA + "bootstrap.servers", broker.bootstrapServers());
        common.put(QatWarmup.SETTING, Boolean.toString(row.qat()));
        common.put(QatWarmup.CODEC, row.compressionType());
        return common;
    }

    private Map<String, String> produceSettings(Map<String, String> common, E2eRow row) {
        Map<String, String> produce = new LinkedHashMap<>(common);
        produce.put(KAFKA + "acks", "all");
        produce.put(KAFKA + "enable.idempotence", "true");
        produce.put(KAFKA + "linger.ms", "5");
        produce.put(KAFKA + "batch.size", Integer.toString(settings.batchSize()));
        produce.put(KAFKA + "compression.type", row.compressionType());
        if (row.level() > 0) {
            produce.put(KAFKA + "compression." + row.compressionType() + ".level", Integer.toString(row.level()));
        }
        return produce;
    }

    private E2eSample sample(E2eRow row, LocalKafkaBroker broker, Path dataset, long records) {
        String name = row.name() + "-" + records;
        Map<String, String> common = common(row, broker, dataset, records);
        Map<String, String> produce = produceSettings(common, row);
        Map<String, String> consume = new LinkedHashMap<>(common);
        consume.put(KAFKA + "enable.auto.commit", "false");
        consume.put(KAFKA + "max.poll.records", "5000");
        long brokerBefore = brokerCpu(broker);
        Map<String, Long> threadsBefore = broker.threadCpu();
        long deviceBefore = broker.deviceCpuNanos();
        WorkloadReport producer = runChild("produce-" + name, row, E2eProducer.class, produce);
        long brokerCpu = brokerCpu(broker) - brokerBefore;
        Map<String, Long> brokerThreads = new LinkedHashMap<>(broker.threadCpu());
        brokerThreads.replaceAll((group, nanos) -> nanos - threadsBefore.getOrDefault(group, 0L));
        brokerThreads.put("device", broker.deviceCpuNanos() - deviceBefore);
        WorkloadReport consumer = runChild("consume-" + name, row, E2eConsumer.class, consume);
        checkPath(row, producer, "CompressBatches");
        checkPath(row, consumer, "DecompressBatches");
        checkQat(row, producer, "e2e.compressedBy", row.qatRung());
        if (!row.compressionType().equals("zstd")) { // QAT compresses zstd; libzstd decodes it
            checkQat(row, consumer, "e2e.decompressedBy", "qat");
        }
        return new E2eSample(records, producer, consumer, brokerCpu, brokerThreads);
    }

    /**
     * A QAT row whose client never used a QAT rung (on a 6xxx: the native zstd rung) measures the device no more than
     * a kqat row.
     */
    private static void checkQat(E2eRow row, WorkloadReport report, String servedBy, String rung) {
        if (row.qat() && !String.valueOf(report.get(servedBy)).contains(rung)) {
            throw new IllegalStateException("row " + row.name() + ": no batch went through " + rung + " (" + servedBy + " "
                    + report.get(servedBy) + "): " + report);
        }
    }

    /** The agent's options for a kqat or QAT row: the run's, and for QAT the build's emulator. */
    private String agentOptions(E2eRow row) {
        if (!row.qat()) {
            return settings.agentOptions();
        }
        Path emulator = runtimes.emulatorDir("iova");
        if (emulator == null) {
            throw new IllegalStateException("the QAT rows need kqat's QAT emulator: build the qat-emulator module");
        }
        return "qat.emulator=" + emulator + (settings.agentOptions().isBlank() ? "" : "," + settings.agentOptions());
    }

    /** A kqat row whose batches did not go through kqat, or a stock row that did, measures nothing it claims to. */
    private static void checkPath(E2eRow row, WorkloadReport report, String counter) {
        boolean installed = Boolean.parseBoolean(report.get(row.kqatPrefix() + "installed"));
        boolean used = installed && report.getLong(row.kqatPrefix() + counter) > 0;
        if (row.kqat() != used || (!row.kqat() && installed)) {
            throw new IllegalStateException("row " + row.name() + ": kqat " + (row.kqat() ? "was not used" : "was installed")
                    + " (" + counter + "): " + report);
        }
    }

    private WorkloadReport runChild(String name, E2eRow row, Class<?> program, Map<String, String> args) {
        Path report = settings.workDir().resolve(name + ".report");
        Path childSettings = settings.workDir().resolve(name + ".settings");
        Map<String, String> all = new LinkedHashMap<>(args);
        all.put("report", report.toString());
        ChildSettings.write(childSettings, all);
        List<String> jvmArgs = new ArrayList<>(settings.jvmArgs());
        if (row.kqat()) {
            String opts = agentOptions(row).isBlank() ? "" : "=" + agentOptions(row);
            jvmArgs.add("-javaagent:" + runtimes.agentJar() + opts);
        }
        List<String> classpath = new ArrayList<>();
        classpath.add(ownLocation());
        classpath.addAll(runtimes.classpath(settings.clients()));
        try (ChildJvm jvm = ChildJvm.start(name, settings.workDir(), classpath, jvmArgs, program.getName(),
                List.of(childSettings.toString()), row.environment())) {
            int exit = jvm.waitFor(CHILD_TIMEOUT);
            if (exit != 0 || !java.nio.file.Files.exists(report)) {
                throw new IllegalStateException(name + " failed (exit " + exit + ")\n" + jvm.tail(40));
            }
            return WorkloadReport.read(report);
        }
    }

    private static long brokerCpu(LocalKafkaBroker broker) {
        return ((Number) broker.jmxAttribute("java.lang:type=OperatingSystem", "ProcessCpuTime")).longValue();
    }

    private static String ownLocation() {
        try {
            return Paths.get(E2eRun.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
