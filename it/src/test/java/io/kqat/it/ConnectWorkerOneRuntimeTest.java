package io.kqat.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.KafkaRuntimes;
import io.kqat.local.LocalConnectWorker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10 item 8 on a real Connect worker: the kqat agent (system class loader, compressing the worker's own gzip
 * batches) and the kqat transforms (the plugin's class loader) run in one JVM on the QAT emulator, and share one
 * qatlib runtime and one region. The worker's log shows it: one copy starts qatlib and maps the region, the other
 * joins both; nothing is started or mapped twice.
 */
class ConnectWorkerOneRuntimeTest {
    private static final int LINES = 2000;
    @RegisterExtension
    static final BrokerExtension CLUSTER = BrokerExtension.stock();

    @Test
    void theAgentAndThePluginShareOneQatlibRuntimeAndOneRegion() throws Exception {
        KafkaRuntimes runtimes = KafkaRuntimes.locate();
        Path emulator = runtimes.emulatorDir("iova");
        assertThat(emulator).as("the QAT emulator must be built (qat-emulator module)").isNotNull();
        Path plugins = Files.createDirectories(CLUSTER.work().resolve("plugins"));
        PluginArchive.unpack(PluginArchive.locate(runtimes), plugins);
        Path source = CLUSTER.work().resolve("source.txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            lines.add("{\"line\":" + i + ",\"text\":\"" + "one runtime per process ".repeat(1 + i % 5) + "\"}");
        }
        Files.write(source, lines, StandardCharsets.UTF_8);
        Path sink = CLUSTER.work().resolve("sink.txt");
        String topic = "one-runtime";
        Path log;
        try (LocalConnectWorker worker = LocalConnectWorker.builder(CLUSTER.work().resolve("connect"), CLUSTER.bootstrap())
                .pluginPath(plugins)
                .withKqatAgent("qat.emulator=" + emulator)
                .systemProperty("kqat.qat.emulator", emulator.toString()) // the transforms' codec: the same library
                .workerProperty("producer.compression.type", "gzip") // the worker's own batches go through the agent
                .connector(Map.of(
                        "name", "file-source",
                        "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                        "tasks.max", "1",
                        "file", source.toString(),
                        "topic", topic,
                        "transforms", "gzip",
                        "transforms.gzip.type", "io.kqat.connect.GzipCompress$Value"))
                .connector(Map.of(
                        "name", "file-sink",
                        "connector.class", "org.apache.kafka.connect.file.FileStreamSinkConnector",
                        "tasks.max", "1",
                        "file", sink.toString(),
                        "topics", topic,
                        "transforms", "gunzip",
                        "transforms.gunzip.type", "io.kqat.connect.GzipDecompress$Value",
                        "transforms.gunzip.output.type", "string"))
                .start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (PluginArchive.lines(sink) < LINES && System.nanoTime() < deadline) {
                worker.checkAlive();
                Thread.sleep(200);
            }
            assertThat(PluginArchive.lines(sink)).as("sink status %s", worker.status("file-sink")).isEqualTo(LINES);
            assertThat(Files.readAllBytes(sink)).isEqualTo(Files.readAllBytes(source));
            log = worker.logFile();
        }
        String text = Files.readString(log);
        assertThat(count(text, "kqat: QAT started through emulator")).as("qatlib starts (worker log)").isEqualTo(1);
        assertThat(count(text, "kqat: QAT joined (started by another copy of kqat in this process)"))
                .as("copies of kqat that joined the runtime").isPositive();
        assertThat(count(text, "kqat: QAT region mapped")).as("regions mapped").isEqualTo(1);
        assertThat(count(text, "kqat: QAT region shared")).as("region joined by the other copy").isPositive();
        assertThat(text).doesNotContain("this copy of kqat keeps its own");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
