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
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kafka's zstd in relocated (shaded) kafka-clients 4.4 and 3.7, as Flink's connector relocates it: the agent finds
 * ZstdCompression and the CompressionType enum's ZSTD body under the new names; a stock consumer reads what the shaded
 * kqat producer writes, and the shaded kqat consumer reads what a stock producer writes.
 */
class ZstdShadedClientsTest {
    private static final long RECORDS = 10_000;
    @RegisterExtension
    static final SharedStockBroker CLUSTER = new SharedStockBroker();

    /** The class the zstd hook names in a runtime: relocated ZstdCompression, or the relocated enum's ZSTD body. */
    private static String zstdClass(String clients) {
        return HookLog.relocated(clients.equals(KafkaRuntimes.CLIENTS_3_7_SHADED)
                ? "org.apache.kafka.common.record.CompressionType$5" : "org.apache.kafka.common.compress.ZstdCompression");
    }

    private static void assertZstdHooked(String name, String clients) {
        assertThat(HookLog.lines(HookLog.output(CLUSTER.work(), name)).stream()
                .filter(l -> l.contains("kqat: zstd hooked ")).collect(Collectors.toList()))
                .as("the zstd hook's lines").hasSize(1).allMatch(l -> l.contains("kqat: zstd hooked " + zstdClass(clients)));
    }

    @ParameterizedTest(name = "producer on {0}")
    @ValueSource(strings = {KafkaRuntimes.CLIENTS_SHADED, KafkaRuntimes.CLIENTS_3_7_SHADED})
    void aShadedKqatZstdProducerToAStockConsumer(String clients) {
        String topic = "zstd-shaded-to-stock-" + clients.replace('.', '-');
        String name = "zstd-produce-kqat-" + clients;
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name(name).clients(clients).records(RECORDS).seed(111).compression("zstd").withKqatAgent("")
                .run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertKqatZstdCompressed(produced);
        assertZstdHooked(name, clients);

        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("zstd-consume-stock-" + clients).records(RECORDS).seed(111).run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertNoKqat(consumed);
    }

    @ParameterizedTest(name = "consumer on {0}")
    @ValueSource(strings = {KafkaRuntimes.CLIENTS_SHADED, KafkaRuntimes.CLIENTS_3_7_SHADED})
    void aStockZstdProducerToAShadedKqatConsumer(String clients) {
        String topic = "zstd-stock-to-shaded-" + clients.replace('.', '-');
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("zstd-produce-stock-" + clients).records(RECORDS).seed(112).compression("zstd").run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertNoKqat(produced);

        String name = "zstd-consume-kqat-" + clients;
        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name(name).clients(clients).records(RECORDS).seed(112).withKqatAgent("").run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertKqatZstdDecompressed(consumed);
        assertZstdHooked(name, clients);
    }
}
