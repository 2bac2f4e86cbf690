package io.kqat.it;

import static io.kqat.it.Workloads.TIMEOUT;
import static io.kqat.it.Workloads.assertConsumedExactly;
import static io.kqat.it.Workloads.assertNoKqat;
import static io.kqat.it.Workloads.assertProducedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.KafkaRuntimes;
import io.kqat.local.workload.WorkloadJvm;
import io.kqat.local.workload.WorkloadReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 4: a producer on the (emulated) QAT device, with device faults injected mid-stream through the emulator's
 * environment switches. The failed batches are redone in software; a stock consumer then reads every record once, in
 * order, byte for byte.
 */
class DeviceFaultTest {
    private static final long RECORDS = 30_000;
    @RegisterExtension
    static final BrokerExtension CLUSTER = BrokerExtension.stock();



    private static Path emulator() {
        Path dir = KafkaRuntimes.locate().emulatorDir("iova");
        assertThat(dir).as("the QAT emulator must be built (qat-emulator module)").isNotNull();
        return dir;
    }

    @Test
    void faultsMidStreamLoseNothing() {
        String topic = "device-faults";
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("produce-faulty-device").records(RECORDS).seed(55).compression("gzip")
                .withKqatAgent("qat.emulator=" + emulator())
                .env("KQAT_EMU_FAIL_FROM", "30").env("KQAT_EMU_FAIL_COUNT", "4")
                .run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertThat(produced.get("kqat.Backend")).as("report %s", produced).isEqualTo("qat");
        assertThat(produced.getLong("kqat.Errors")).as("device faults seen by the producer").isEqualTo(4);
        assertThat(produced.getLong("kqat.Fallbacks")).as("batches redone on the next rung").isGreaterThanOrEqualTo(4);
        assertThat(produced.getLong("kqat.CompressBatches")).isPositive();

        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("consume-after-faults").records(RECORDS).seed(55).run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
        assertNoKqat(consumed);
    }

    @Test
    void aProducerOnTheDeviceWithoutFaultsUsesZeroCopy() {
        String topic = "device-zero-copy";
        WorkloadReport produced = WorkloadJvm.produce(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("produce-device").records(RECORDS).seed(66).compression("gzip")
                .withKqatAgent("qat.emulator=" + emulator()).run(TIMEOUT);
        assertProducedAll(produced, RECORDS);
        assertThat(produced.get("kqat.Backend")).isEqualTo("qat");
        assertThat(produced.get("kqat.Ladder")).contains("qat: ready (zero-copy");
        assertThat(produced.getLong("kqat.CompressBytesIn")).isPositive();
        assertThat(produced.getLong("kqat.CompressCopiedIn")).as("uncompressed bytes copied, on any rung").isZero();
        assertThat(produced.getLong("kqat.Errors")).isZero();

        WorkloadReport consumed = WorkloadJvm.consume(CLUSTER.work(), CLUSTER.bootstrap(), topic)
                .name("consume-device").records(RECORDS).seed(66).withKqatAgent("qat.emulator=" + emulator()).run(TIMEOUT);
        assertConsumedExactly(consumed, RECORDS);
    }
}
