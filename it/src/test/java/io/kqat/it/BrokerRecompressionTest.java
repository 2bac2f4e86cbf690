package io.kqat.it;

import static io.kqat.it.Workloads.TIMEOUT;
import static io.kqat.it.Workloads.assertConsumedExactly;
import static io.kqat.it.Workloads.assertKqatDecompressed;
import static io.kqat.it.Workloads.assertNoKqat;
import static io.kqat.it.Workloads.assertProducedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.workload.WorkloadJvm;
import io.kqat.local.workload.WorkloadReport;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scenario 3: a broker running the kqat agent recompresses batches into a topic whose {@code compression.type=gzip}
 * differs from the producer's codec; consumers with and without kqat read every record.
 */
class BrokerRecompressionTest {
    private static final long RECORDS = 20_000;
    @RegisterExtension
    static final BrokerExtension CLUSTER = BrokerExtension.withAgent("");



    @ParameterizedTest(name = "producer sends {0}")
    @ValueSource(strings = {"lz4", "none"})
    void brokerRecompressesThroughKqat(String producerCodec) throws Exception {
        String topic = "recompressed-from-" + producerCodec;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, CLUSTER.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("compression.type", "gzip")))).all().get();
        }
        long before = CLUSTER.broker().kqatCompressBatches();

        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("produce-" + producerCodec).records(RECORDS).seed(44).compression(producerCodec).run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertNoKqat(produced);
        assertThat(CLUSTER.broker().kqatCompressBatches()).as("batches the broker recompressed through kqat").isGreaterThan(before);

        WorkloadReport stock = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("consume-stock-" + producerCodec).records(RECORDS).seed(44).run(TIMEOUT);
        assertConsumedExactly(stock, RECORDS);
        assertNoKqat(stock);

        WorkloadReport kqat = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("consume-kqat-" + producerCodec).records(RECORDS).seed(44).withKqatAgent("").run(TIMEOUT);
        assertConsumedExactly(kqat, RECORDS);
        assertKqatDecompressed(kqat);
    }
}
