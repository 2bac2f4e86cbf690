package io.kqat.it;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.KafkaRuntimes;
import io.kqat.local.LocalConnectWorker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real Connect worker (its own JVM, Connect 4.3.1) loads the packaged plugin archive from plugin.path with
 * isolation and service-loader discovery. A file source's lines pass through GzipCompress$Value into a topic; a file
 * sink reads them back through GzipDecompress$Value. The sink's file must equal the source's byte for byte, and the
 * topic must really hold gzip (read with a plain consumer).
 */
class ConnectPluginTest {
    private static final int LINES = 3000;
    @RegisterExtension
    static final BrokerExtension CLUSTER = BrokerExtension.stock();

    private static Path pluginArchive() {
        try {
            return PluginArchive.locate(KafkaRuntimes.locate());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theArchiveIsAPluginDirectoryWithItsLibrariesAndManifest() throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(pluginArchive().toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                names.add(e.nextElement().getName());
            }
        }
        String root = names.get(0);
        assertThat(root).matches("kqat-connect-plugin-[^/]+/");
        assertThat(names).contains(root + "manifest.json")
                .anyMatch(n -> n.matches(".*/lib/kqat-connect-plugin-.*\\.jar"))
                .anyMatch(n -> n.matches(".*/lib/kqat-codec-.*\\.jar"))
                .anyMatch(n -> n.matches(".*/lib/jna-5\\.19\\.1\\.jar"))
                .noneMatch(n -> n.contains("kafka-clients") || n.contains("connect-api") || n.contains("slf4j"));
    }

    @Test
    void linesGoThroughCompressIntoGzipAndComeBackIdentical() throws Exception {
        Path plugins = Files.createDirectories(CLUSTER.work().resolve("plugins"));
        PluginArchive.unpack(pluginArchive(), plugins);
        Path source = CLUSTER.work().resolve("source.txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            lines.add("{\"line\":" + i + ",\"text\":\"" + "connect through kqat ".repeat(1 + i % 7) + "\"}");
        }
        Files.write(source, lines, StandardCharsets.UTF_8);
        Path sink = CLUSTER.work().resolve("sink.txt");
        String topic = "connect-gzip";

        try (LocalConnectWorker worker = LocalConnectWorker.builder(CLUSTER.work().resolve("connect"), CLUSTER.bootstrap())
                .pluginPath(plugins)
                .connector(Map.of(
                        "name", "file-source",
                        "connector.class", "org.apache.kafka.connect.file.FileStreamSourceConnector",
                        "tasks.max", "1",
                        "file", source.toString(),
                        "topic", topic,
                        "transforms", "gzip",
                        "transforms.gzip.type", "io.kqat.connect.GzipCompress$Value",
                        "transforms.gzip.level", "6"))
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
            assertThat(PluginArchive.lines(sink)).as("lines the sink wrote; sink status %s", worker.status("file-sink"))
                    .isEqualTo(LINES);
            assertThat(Files.readAllBytes(sink)).as("sink file equals the source file")
                    .isEqualTo(Files.readAllBytes(source));
            assertThat(worker.status("file-source")).contains("\"state\":\"RUNNING\"");
        }
        assertTopicHoldsGzip(topic, lines);
    }

    /** A plain consumer, without kqat: every value is a gzip member of its line, marked by the header. */
    private static void assertTopicHoldsGzip(String topic, List<String> lines) throws IOException {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, CLUSTER.bootstrap());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < lines.size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertThat(records).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            byte[] v = records.get(i).value();
            assertThat(v[0] == 0x1f && v[1] == (byte) 0x8b).as("record %d starts with the gzip magic", i).isTrue();
            assertThat(new String(gunzip(v), StandardCharsets.UTF_8)).isEqualTo(lines.get(i));
            assertThat(records.get(i).headers().lastHeader("kqat-gzip")).as("marker header").isNotNull();
        }
    }
}
