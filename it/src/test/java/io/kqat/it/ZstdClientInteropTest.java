package io.kqat.it;

import static io.kqat.it.Workloads.TIMEOUT;
import static io.kqat.it.Workloads.assertConsumedExactly;
import static io.kqat.it.Workloads.assertNoKqat;
import static io.kqat.it.Workloads.assertProducedAll;
import static io.kqat.it.ZstdWorkloads.assertKqatZstdCompressed;
import static io.kqat.it.ZstdWorkloads.assertKqatZstdDecompressed;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.KafkaRuntimes;
import io.kqat.local.workload.WorkloadJvm;
import io.kqat.local.workload.WorkloadReport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kafka's zstd with and without kqat against a stock broker, every client its own JVM: what a kqat producer writes,
 * stock consumers of 4.4 and 3.7 read; what stock producers write, a kqat consumer reads; the agent also switched on
 * from configuration alone. gzip and zstd go through kqat side by side in one JVM.
 */
class ZstdClientInteropTest {
    private static final long RECORDS = 20_000;
    @RegisterExtension
    static final SharedStockBroker CLUSTER = new SharedStockBroker();

    @ParameterizedTest(name = "producer on {0}")
    @ValueSource(strings = {KafkaRuntimes.CLIENTS, KafkaRuntimes.CLIENTS_3_7})
    void kqatZstdProducerToStockConsumersOf44And37(String clients) {
        String topic = "zstd-kqat-to-stock-" + clients.replace('.', '-');
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("zstd-produce-kqat-" + clients).clients(clients).records(RECORDS).seed(61)
                .compression("zstd").withKqatAgent("").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertKqatZstdCompressed(produced);
        for (String consumer : List.of(KafkaRuntimes.CLIENTS, KafkaRuntimes.CLIENTS_3_7)) {
            WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                    .name("zstd-consume-stock-" + consumer + "-from-" + clients).clients(consumer).records(RECORDS)
                    .seed(61).run(TIMEOUT);
            assertConsumedExactly(consumed, RECORDS);
            assertNoKqat(consumed);
        }
    }

    @ParameterizedTest(name = "consumer on {0}")
    @ValueSource(strings = {KafkaRuntimes.CLIENTS, KafkaRuntimes.CLIENTS_3_7})
    void stockZstdProducerToKqatConsumer(String clients) {
        String topic = "zstd-stock-to-kqat-" + clients.replace('.', '-');
        WorkloadJvm producer = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("zstd-produce-stock-" + clients).clients(clients).records(RECORDS).seed(62).compression("zstd");
        if (clients.equals(KafkaRuntimes.CLIENTS)) {
            producer.clientConfig("compression.zstd.level", "19");
        }
        WorkloadReport produced = producer.run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertNoKqat(produced);

        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("zstd-consume-kqat-" + clients).clients(clients).records(RECORDS).seed(62)
                .withKqatAgent("").run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertKqatZstdDecompressed(consumed);
    }

    /** No JVM flag: kqat switched on by the clients' own configuration (metric.reporters), zstd included. */
    @Test
    void configurationOnlyActivation() {
        String topic = "zstd-config-only";
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("zstd-produce-config-only").records(RECORDS).seed(63).compression("zstd")
                .withKqatFromConfig("software").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertKqatZstdCompressed(produced);
        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("zstd-consume-config-only").records(RECORDS).seed(63).withKqatFromConfig("software").run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertKqatZstdDecompressed(consumed);
    }

    /** zstd.mode=off: Kafka's zstd stays stock while gzip still goes through kqat in the same JVM. */
    @Test
    void zstdModeOffLeavesZstdStockAndGzipHooked() {
        String topic = "zstd-mode-off";
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("zstd-produce-mode-off").records(RECORDS).seed(64).compression("zstd")
                .withKqatAgent("zstd.mode=off").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertThat(produced.get("kqat.installed")).as("gzip's hook is there").isEqualTo("true");
        assertThat(produced.get("kqat.zstd.installed")).as("zstd's is not").isEqualTo("false");
        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("zstd-consume-after-mode-off").records(RECORDS).seed(64).withKqatAgent("").run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertKqatZstdDecompressed(consumed);
    }
}
