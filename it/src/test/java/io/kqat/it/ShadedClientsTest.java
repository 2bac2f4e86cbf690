package io.kqat.it;

import static io.kqat.it.HookLog.assertHookedOnly;
import static io.kqat.it.HookLog.hookedClass;
import static io.kqat.it.Workloads.TIMEOUT;
import static io.kqat.it.Workloads.assertConsumedExactly;
import static io.kqat.it.Workloads.assertKqatCompressed;
import static io.kqat.it.Workloads.assertKqatDecompressed;
import static io.kqat.it.Workloads.assertNoKqat;
import static io.kqat.it.Workloads.assertProducedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.KafkaRuntimes;
import io.kqat.local.workload.WorkloadJvm;
import io.kqat.local.workload.WorkloadReport;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connectors and job jars relocate Kafka (Flink's SQL connector: {@code org.apache.flink.kafka.shaded.org.apache.kafka}).
 * The shaded runtimes are kafka-clients 4.4 and 3.7 relocated so by the Maven Shade plugin, the workload programs
 * relocated with them: the agent must find GzipCompression and the CompressionType enum under the new names. Records
 * are checked by a stock, unshaded consumer, and written by a stock producer for the shaded consumer.
 */
class ShadedClientsTest {
    private static final long RECORDS = 10_000;
    @RegisterExtension
    static final SharedStockBroker CLUSTER = new SharedStockBroker();

    @ParameterizedTest(name = "producer on {0}")
    @ValueSource(strings = {KafkaRuntimes.CLIENTS_SHADED, KafkaRuntimes.CLIENTS_3_7_SHADED})
    void aShadedKqatProducerToAStockConsumer(String clients) throws Exception {
        assertRelocated(clients);
        String topic = "shaded-to-stock-" + clients.replace('.', '-');
        String name = "produce-kqat-" + clients;
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name(name).clients(clients).records(RECORDS).seed(101).compression("gzip").withKqatAgent("")
                .run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertKqatCompressed(produced);
        assertHookedOnly(HookLog.output(CLUSTER.work(), name), hookedClass(clients));

        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("consume-stock-" + clients).records(RECORDS).seed(101).run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertNoKqat(consumed);
    }

    @ParameterizedTest(name = "consumer on {0}")
    @ValueSource(strings = {KafkaRuntimes.CLIENTS_SHADED, KafkaRuntimes.CLIENTS_3_7_SHADED})
    void aStockProducerToAShadedKqatConsumer(String clients) {
        String topic = "stock-to-shaded-" + clients.replace('.', '-');
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("produce-stock-" + clients).records(RECORDS).seed(102).compression("gzip").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertNoKqat(produced);

        String name = "consume-kqat-" + clients;
        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name(name).clients(clients).records(RECORDS).seed(102).withKqatAgent("").run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertKqatDecompressed(consumed);
        assertHookedOnly(HookLog.output(CLUSTER.work(), name), hookedClass(clients));
    }

    /** The runtime really is relocated: its jar has no class under org.apache.kafka, only under the prefix. */
    private static void assertRelocated(String clients) throws Exception {
        List<String> classpath = KafkaRuntimes.locate().classpath(clients);
        assertThat(classpath).noneMatch(jar -> Path.of(jar).getFileName().toString().startsWith("kafka-clients"));
        try (ZipFile jar = new ZipFile(classpath.get(0))) {
            assertThat(jar.stream().map(e -> e.getName()))
                    .noneMatch(n -> n.startsWith("org/apache/kafka/"))
                    .anyMatch(n -> n.startsWith(KafkaRuntimes.SHADED_KAFKA_PACKAGE.replace('.', '/') + "/clients/producer/"));
        }
    }
}
