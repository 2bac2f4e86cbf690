package io.kqat.it;

import static io.kqat.it.HookLog.assertHookedOnly;
import static io.kqat.it.HookLog.hookedClass;
import static io.kqat.it.Workloads.TIMEOUT;
import static io.kqat.it.Workloads.assertConsumedExactly;
import static io.kqat.it.Workloads.assertKqatCompressed;
import static io.kqat.it.Workloads.assertKqatDecompressed;
import static io.kqat.it.Workloads.assertNoKqat;
import static io.kqat.it.Workloads.assertProducedAll;

import io.kqat.local.KafkaRuntimes;
import io.kqat.local.workload.WorkloadJvm;
import io.kqat.local.workload.WorkloadReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients with and without kqat against a stock broker: what a kqat producer writes, any consumer reads, and the
 * reverse. Every client runs as its own JVM, on kafka-clients 4.4, 3.9, 3.8 (the first release with the
 * GzipCompression class), 3.7 or 2.8 (gzip in the CompressionType enum), and the agent hooks exactly one class in
 * each.
 */
class ClientInteropTest {
    private static final long RECORDS = 20_000;
    @RegisterExtension
    static final SharedStockBroker CLUSTER = new SharedStockBroker();

    /** Scenario 1 (and 5): a producer with kqat, a consumer without it. */
    @ParameterizedTest(name = "producer on {0}")
    @ValueSource(strings = {KafkaRuntimes.CLIENTS, KafkaRuntimes.CLIENTS_3_9, KafkaRuntimes.CLIENTS_3_8,
            KafkaRuntimes.CLIENTS_3_7, KafkaRuntimes.CLIENTS_2_8})
    void kqatProducerToStockConsumer(String clients) {
        String topic = "kqat-to-stock-" + clients.replace('.', '-');
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("produce-kqat-" + clients).clients(clients).records(RECORDS).seed(11)
                .compression("gzip").withKqatAgent("").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertKqatCompressed(produced);
        assertHookedOnly(HookLog.output(CLUSTER.work(), "produce-kqat-" + clients), hookedClass(clients));

        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("consume-stock-" + clients).records(RECORDS).seed(11).run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertNoKqat(consumed);
    }

    /** Scenario 2 (and 5): a stock gzip producer, a consumer with kqat (the level setting is unknown before 3.8). */
    @ParameterizedTest(name = "consumer on {0}")
    @ValueSource(strings = {KafkaRuntimes.CLIENTS, KafkaRuntimes.CLIENTS_3_9, KafkaRuntimes.CLIENTS_3_8,
            KafkaRuntimes.CLIENTS_3_7, KafkaRuntimes.CLIENTS_2_8})
    void stockProducerToKqatConsumer(String clients) {
        String topic = "stock-to-kqat-" + clients.replace('.', '-');
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("produce-stock-" + clients).clients(clients).records(RECORDS).seed(22)
                .compression("gzip").clientConfig("compression.gzip.level", "9").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertNoKqat(produced);

        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("consume-kqat-" + clients).clients(clients).records(RECORDS).seed(22)
                .withKqatAgent("").run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertKqatDecompressed(consumed);
        assertHookedOnly(HookLog.output(CLUSTER.work(), "consume-kqat-" + clients), hookedClass(clients));
    }

    /** No JVM flag: kqat switched on by the producer's and consumer's own configuration (metric.reporters). */
    @ParameterizedTest(name = "clients {0}")
    @ValueSource(strings = {KafkaRuntimes.CLIENTS, KafkaRuntimes.CLIENTS_3_9, KafkaRuntimes.CLIENTS_3_7})
    void configurationOnlyActivation(String clients) {
        String topic = "config-only-" + clients.replace('.', '-');
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("produce-config-only-" + clients).clients(clients).records(RECORDS).seed(44)
                .compression("gzip").withKqatFromConfig("software").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertKqatCompressed(produced);

        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("consume-config-only-" + clients).clients(clients).records(RECORDS).seed(44)
                .withKqatFromConfig("software").run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertKqatDecompressed(consumed);
    }

    /** Scenario 6: the agent in off mode changes nothing, and says so by registering nothing. */
    @Test
    void offModeBehavesAsStock() {
        String topic = "agent-off";
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("produce-off").records(RECORDS).seed(33).compression("gzip")
                .withKqatAgent("mode=off").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertNoKqat(produced);

        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("consume-off").records(RECORDS).seed(33).withKqatAgent("mode=off").run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertNoKqat(consumed);
    }
}
