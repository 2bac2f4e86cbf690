package io.kqat.it;

import static io.kqat.it.Workloads.TIMEOUT;
import static io.kqat.it.Workloads.assertConsumedExactly;
import static io.kqat.it.Workloads.assertNoKqat;
import static io.kqat.it.Workloads.assertProducedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.KafkaRuntimes;
import io.kqat.local.LocalKafkaBroker;
import io.kqat.local.workload.WorkloadJvm;
import io.kqat.local.workload.WorkloadReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broker (4.4, its own JVM) running the kqat agent: it validates zstd batches through kqat (it decodes every batch it
 * is sent) and recompresses gzip batches into a zstd topic through kqat; stock consumers of 4.4 and 3.7 read both.
 */
class ZstdBrokerTest {
    private static final long RECORDS = 20_000;
    private static Path work;
    private static LocalKafkaBroker broker;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createTempDirectory("kqat-it-zstd-broker");
        broker = LocalKafkaBroker.builder(work.resolve("broker")).withKqatAgent("").start();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static long brokerZstd(String counter) {
        return (Long) ((CompositeData) broker.jmxAttribute(ZstdWorkloads.ZSTD_CODEC_BEAN, "Totals")).get(counter);
    }

    private static void topic(String name, String compression) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1)
                    .configs(Map.of("compression.type", compression)))).all().get();
        }
    }

    private static void stockConsumersReadEverything(String topic, long seed) {
        for (String clients : List.of(KafkaRuntimes.CLIENTS, KafkaRuntimes.CLIENTS_3_7)) {
            WorkloadReport consumed = WorkloadJvm.consume(work, broker.bootstrapServers(), topic)
                    .name("consume-" + topic + "-" + clients).clients(clients).records(RECORDS).seed(seed).run(TIMEOUT);
            assertConsumedExactly(consumed, RECORDS);
            assertNoKqat(consumed);
        }
    }

    @Test
    void theBrokerValidatesStockZstdThroughKqat() throws Exception {
        topic("zstd-validated", "producer");
        long before = brokerZstd("decompressBatches");
        WorkloadReport produced = WorkloadJvm.produce(work, broker.bootstrapServers(), "zstd-validated")
                .name("produce-zstd-validated").records(RECORDS).seed(71).compression("zstd").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertThat(brokerZstd("decompressBatches")).as("zstd batches the broker decoded through kqat").isGreaterThan(before);
        stockConsumersReadEverything("zstd-validated", 71);
    }

    @Test
    void theBrokerRecompressesGzipIntoAZstdTopicThroughKqat() throws Exception {
        topic("zstd-recompressed", "zstd");
        long before = brokerZstd("compressBatches");
        WorkloadReport produced = WorkloadJvm.produce(work, broker.bootstrapServers(), "zstd-recompressed")
                .name("produce-gzip-to-zstd").records(RECORDS).seed(72).compression("gzip").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertThat(brokerZstd("compressBatches")).as("batches the broker recompressed into zstd through kqat")
                .isGreaterThan(before);
        assertThat((Long) broker.jmxAttribute(ZstdWorkloads.ZSTD_CODEC_BEAN, "LastResortBatches")).isZero();
        stockConsumersReadEverything("zstd-recompressed", 72);
    }
}
