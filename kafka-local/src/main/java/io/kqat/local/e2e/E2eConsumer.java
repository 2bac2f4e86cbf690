package io.kqat.local.e2e;

import io.kqat.local.workload.WorkloadReport;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Child program of the end-to-end measurement: reads partition 0 of {@code topic} from the start until it has
 * {@code records} records, checks each against the dataset value {@link E2eProducer} sent at that offset, and
 * reports its wall time, its process's CPU time and any mismatch.
 */
public final class E2eConsumer {
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    private E2eConsumer() {
    }

    public static void main(String[] argv) {
        ChildSettings settings = ChildSettings.load(argv);
        List<byte[]> values = settings.values();
        long expected = settings.number("records");
        Tally seen = new Tally();
        WorkloadReport report = new WorkloadReport();
        long start = System.nanoTime();
        long cpu0 = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(settings.kafkaConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            if (settings.flag(QatWarmup.SETTING)) { // the producer's warm-up batch starts kqat here too
                TopicPartition warmup = new TopicPartition(settings.string("topic") + "-warmup", 0);
                consumer.assign(List.of(warmup));
                consumer.seekToBeginning(List.of(warmup));
                while (consumer.poll(Duration.ofMillis(200)).isEmpty() && System.nanoTime() - start < GIVE_UP_AFTER.toNanos()) {
                    continue; // until the warm-up batch is read
                }
                QatWarmup.awaitQat(settings.string(QatWarmup.CODEC));
            }
            start = System.nanoTime(); // the measured run: the client's and kqat's start-up are not in it
            cpu0 = OwnCpu.nanos();
            report.markThreadCpu();
            TopicPartition partition = new TopicPartition(settings.string("topic"), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (seen.records < expected && System.nanoTime() - start < GIVE_UP_AFTER.toNanos()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    byte[] want = values.get((int) (r.offset() % values.size()));
                    seen.add(r.offset(), r.value(), ByteBuffer.wrap(want).equals(ByteBuffer.wrap(r.value())));
                }
            }
            report.putThreadCpu();
        }
        long nanos = System.nanoTime() - start;
        KqatBackendsUsed.put(report)
                .put("records", seen.records)
                .put("bytes", seen.bytes)
                .put("nanos", nanos)
                .put("cpuNanos", OwnCpu.nanos() - cpu0)
                .put("mismatches", seen.mismatches)
                .putKqatMetrics()
                .write(settings.report());
        System.exit(seen.records == expected && seen.mismatches == 0 ? 0 : 1);
    }

    /** Records read so far, their value bytes, and those not at their expected offset or not the expected bytes. */
    private static final class Tally {
        long records;
        long bytes;
        long mismatches;

        void add(long offset, byte[] value, boolean expectedBytes) {
            mismatches += offset == records && expectedBytes ? 0 : 1;
            bytes += value.length;
            records++;
        }
    }
}
