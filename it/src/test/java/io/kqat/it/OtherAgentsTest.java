package io.kqat.it;

import static io.kqat.it.Workloads.TIMEOUT;
import static io.kqat.it.Workloads.assertConsumedExactly;
import static io.kqat.it.Workloads.assertKqatCompressed;
import static io.kqat.it.Workloads.assertKqatDecompressed;
import static io.kqat.it.Workloads.assertProducedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.KafkaRuntimes;
import io.kqat.local.workload.WorkloadJvm;
import io.kqat.local.workload.WorkloadReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OpenTelemetry Java agent, which many shops run and which instruments Kafka clients, beside kqat's agent in
 * either order: a producer and a consumer with both keep every record intact and kqat active, and OpenTelemetry is
 * active too (the producer's records carry its {@code traceparent} header). Both orders, each on one hook: 4.4's
 * GzipCompression and 3.7's CompressionType enum. Its exporters are off: nothing listens.
 */
class OtherAgentsTest {
    private static final long RECORDS = 10_000;
    @RegisterExtension
    static final SharedStockBroker CLUSTER = new SharedStockBroker();

    @ParameterizedTest(name = "{0} first, clients {1}")
    @CsvSource({"opentelemetry, " + KafkaRuntimes.CLIENTS, "kqat, " + KafkaRuntimes.CLIENTS_3_7})
    void bothAgentsInOneJvmKeepEveryRecordAndKqatActive(String first, String clients) {
        String topic = "otel-" + first + "-first-" + clients.replace('.', '-');
        WorkloadReport produced = withBothAgents(WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic), first)
                .name("produce-" + topic).clients(clients).records(RECORDS).seed(303).compression("gzip").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertKqatCompressed(produced);
        assertOpenTelemetryStarted("produce-" + topic);
        assertThat(firstRecordHeaders(topic)).as("OpenTelemetry traced the producer's sends").contains("traceparent");

        WorkloadReport consumed = withBothAgents(WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic), first)
                .name("consume-" + topic).clients(clients).records(RECORDS).seed(303).run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertKqatDecompressed(consumed);
        assertOpenTelemetryStarted("consume-" + topic);
    }

    private static WorkloadJvm withBothAgents(WorkloadJvm jvm, String first) {
        String otel = "-javaagent:" + KafkaRuntimes.locate().javaAgent(KafkaRuntimes.OPENTELEMETRY_AGENT);
        if (first.equals("kqat")) {
            jvm.withKqatAgent("").jvmArg(otel);
        } else {
            jvm.jvmArg(otel).withKqatAgent("");
        }
        return jvm.jvmArg("-Dotel.traces.exporter=none").jvmArg("-Dotel.metrics.exporter=none")
                .jvmArg("-Dotel.logs.exporter=none").jvmArg("-Dotel.service.name=kqat-it");
    }

    /** Its start line, and its metrics reporter in the Kafka client's configuration (which the client logs). */
    private static void assertOpenTelemetryStarted(String jvmName) {
        List<String> output = HookLog.lines(HookLog.output(CLUSTER.work(), jvmName));
        assertThat(output).as("the OpenTelemetry agent's start line in %s", jvmName)
                .anyMatch(l -> l.contains("opentelemetry-javaagent - version: "));
        assertThat(output).as("OpenTelemetry's instrumentation of the Kafka client in %s", jvmName)
                .anyMatch(l -> l.contains("metric.reporters = [") && l.contains("OpenTelemetryMetricsReporter"));
    }

    /** The header keys of the topic's first record, read by a plain consumer in this JVM. */
    private static List<String> firstRecordHeaders(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, CLUSTER.bootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    List<String> keys = new ArrayList<>();
                    for (Header h : r.headers()) {
                        keys.add(h.key());
                    }
                    return keys;
                }
            }
        }
        throw new AssertionError("no record in " + topic);
    }
}
