package io.kqat.it;

import static io.kqat.it.Workloads.TIMEOUT;
import static io.kqat.it.Workloads.assertConsumedExactly;
import static io.kqat.it.Workloads.assertKqatDecompressed;
import static io.kqat.it.Workloads.assertNoKqat;
import static io.kqat.it.Workloads.assertProducedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.BrokerRelease;
import io.kqat.local.KafkaRuntimes;
import io.kqat.local.LocalKafkaBroker;
import io.kqat.local.workload.WorkloadJvm;
import io.kqat.local.workload.WorkloadReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Kafka 3.7.2 broker (KRaft, from the Maven Central jars, its own JVM) with the kqat agent, where gzip is the
 * CompressionType enum's: it validates every gzip batch it receives by decompressing it through kqat, and recompresses
 * lz4 and uncompressed batches into a gzip topic through kqat, as the 4.4 broker does in {@link BrokerRecompressionTest}.
 * Clients on 3.7 write; consumers with and without kqat read every record. Always a local JVM: the Testcontainers
 * image is a 4.x broker.
 */
class Broker37Test {
    private static final long RECORDS = 20_000;
    private static Path work;
    private static LocalKafkaBroker broker;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createTempDirectory("kqat-it-broker-3.7");
        broker = LocalKafkaBroker.builder(work.resolve("broker")).release(BrokerRelease.KAFKA_3_7).withKqatAgent("").start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theBrokerRunsKafka37AndHookedItsGzipConstant() {
        assertThat(broker.logContains("Kafka version: 3.7.2")).as("broker log %s", broker.logFile()).isTrue();
        assertThat(broker.logContains("kqat: hooked " + HookLog.GZIP_CONSTANT + " (")).isTrue();
        assertThat(broker.logContains("kqat: hooked " + HookLog.GZIP_COMPRESSION)).isFalse();
    }

    @ParameterizedTest(name = "producer sends {0}")
    @ValueSource(strings = {"lz4", "none"})
    void theBrokerRecompressesIntoAGzipTopicThroughKqat(String producerCodec) throws Exception {
        String topic = "recompressed-from-" + producerCodec;
        createTopic(topic, Map.of("compression.type", "gzip"));
        long before = broker.kqatCounter("compressBatches");

        WorkloadReport produced = WorkloadJvm.produce(work, broker.bootstrapServers(), topic)
                .name("produce-" + producerCodec).clients(KafkaRuntimes.CLIENTS_3_7).records(RECORDS).seed(77)
                .compression(producerCodec).run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertNoKqat(produced);
        assertThat(broker.kqatCounter("compressBatches")).as("batches the broker recompressed through kqat")
                .isGreaterThan(before);

        readBackWithAndWithoutKqat(topic, 77, producerCodec);
    }

    @Test
    void theBrokerValidatesGzipBatchesThroughKqat() throws Exception {
        String topic = "validated-gzip";
        createTopic(topic, Map.of());
        long before = broker.kqatCounter("decompressBatches");

        WorkloadReport produced = WorkloadJvm.produce(work, broker.bootstrapServers(), topic)
                .name("produce-gzip").clients(KafkaRuntimes.CLIENTS_3_7).records(RECORDS).seed(88)
                .compression("gzip").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertNoKqat(produced);
        assertThat(broker.kqatCounter("decompressBatches")).as("gzip batches the broker validated through kqat")
                .isGreaterThan(before);

        readBackWithAndWithoutKqat(topic, 88, "gzip");
    }

    private static void readBackWithAndWithoutKqat(String topic, long seed, String label) {
        WorkloadReport stock = WorkloadJvm.consume(work, broker.bootstrapServers(), topic)
                .name("consume-stock-" + label).records(RECORDS).seed(seed).run(TIMEOUT);
        assertConsumedExactly(stock, RECORDS);
        assertNoKqat(stock);

        WorkloadReport kqat = WorkloadJvm.consume(work, broker.bootstrapServers(), topic)
                .name("consume-kqat-" + label).clients(KafkaRuntimes.CLIENTS_3_7).records(RECORDS).seed(seed)
                .withKqatAgent("").run(TIMEOUT);
        assertConsumedExactly(kqat, RECORDS);
        assertKqatDecompressed(kqat);
    }

    private static void createTopic(String topic, Map<String, String> configs) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(configs))).all().get();
        }
    }
}
