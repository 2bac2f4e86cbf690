package io.kqat.local.e2e;

import io.kqat.local.workload.WorkloadReport;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Child program of the end-to-end measurement: reads partition 0 of {@code --topic} from the start until it has
 * {@code --records} records, checks each against the dataset value {@link E2eProducer} sent at that offset, and
 * reports its wall time, its process's CPU time and any mismatch.
 */
public final class E2eConsumer {
    private E2eConsumer() {
    }

    public static void main(String[] argv) {
        ChildArgs args = new ChildArgs(argv);
        List<byte[]> values = DatasetRecords.read(args.path("dataset"));
        long expected = args.number("records");
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.string("bootstrap"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        config.putAll(args.clientOverrides());

        long read = 0;
        long bytes = 0;
        long mismatches = 0;
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(10).toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(args.string("topic"), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (read < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    byte[] want = values.get((int) (r.offset() % values.size()));
                    if (r.offset() != read || !ByteBuffer.wrap(want).equals(ByteBuffer.wrap(r.value()))) {
                        mismatches++;
                    }
                    bytes += r.value().length;
                    read++;
                }
            }
        }
        long nanos = System.nanoTime() - start;
        new WorkloadReport()
                .put("records", read)
                .put("bytes", bytes)
                .put("nanos", nanos)
                .put("cpuNanos", OwnCpu.nanos())
                .put("mismatches", mismatches)
                .putKqatMetrics()
                .write(args.path("report"));
        System.exit(read == expected && mismatches == 0 ? 0 : 1);
    }
}
