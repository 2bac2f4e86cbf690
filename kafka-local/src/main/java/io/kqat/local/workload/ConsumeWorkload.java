package io.kqat.local.workload;

import io.kqat.samples.KafkaLikeEvents;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Option;

/**
 * Reads partition 0 of {@code --topic} from the start and checks that the {@code n}-th record read is exactly
 * {@code KafkaLikeEvents.record(seed, n)}: nothing lost, duplicated, reordered or altered. Reports the first
 * difference.
 */
public final class ConsumeWorkload {
    private ConsumeWorkload() {
    }

    static final class Options extends RecordsOptions {
        @Option(names = "--timeoutSeconds")
        long timeoutSeconds = 120;
        /** Any Kafka client setting, {@code --client max.poll.records=500}. */
        @Option(names = "--client", paramLabel = "KEY=VALUE")
        Map<String, String> client = new HashMap<>();
    }

    public static void main(String[] argv) {
        Options args = ProgramOptions.parse(new Options(), argv);
        long expected = args.records();
        long seed = args.seed();
        Duration timeout = Duration.ofSeconds(args.timeoutSeconds);

        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrap());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        config.putAll(args.client);

        long read = 0;
        long bytes = 0;
        long mismatches = 0;
        String firstMismatch = "";
        long nanos;
        WorkloadReport report = new WorkloadReport();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(args.topic(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            while (read < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    boolean same = r.offset() == read
                            && Arrays.equals(r.key(), KafkaLikeEvents.key(read))
                            && Arrays.equals(r.value(), KafkaLikeEvents.record(seed, read));
                    if (!same) {
                        if (mismatches++ == 0) {
                            firstMismatch = "record " + read + " (offset " + r.offset() + ") differs";
                        }
                    }
                    bytes += (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
                    read++;
                }
            }
            nanos = System.nanoTime() - start;
            // One more poll: anything beyond the expected count is a duplicate.
            read += consumer.poll(Duration.ofMillis(500)).count();
            report.putThreadCpu();
        }
        report.put("records", read)
                .put("bytes", bytes)
                .put("nanos", nanos)
                .put("mismatches", mismatches)
                .put("firstMismatch", firstMismatch)
                .putKqatMetrics()
                .write(args.report());
        System.exit(read == expected && mismatches == 0 ? 0 : 1);
    }
}
