package io.kqat.stress.child;

import io.kqat.local.workload.ProgramOptions;
import io.kqat.local.workload.RecordsOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Option;

/**
 * A stock consumer (run without kqat) that reads every partition of the topic from the start until it has seen
 * {@code --records} distinct sequence numbers or the topic stays idle, and counts lost (never seen), duplicated (seen
 * again), reordered (seen after a higher one of its partition) and altered records ({@link SeqLedger}).
 */
public final class SeqChecker {
    private SeqChecker() {
    }

    static final class Options extends RecordsOptions {
        /** How long the topic may stay silent before the checker stops. */
        @Option(names = "--idleMillis")
        long idleMillis = 30_000;
    }

    public static void main(String[] argv) {
        Options args = ProgramOptions.parse(new Options(), argv);
        long expected = args.records();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrap());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        SeqLedger ledger;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(args.topic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            ledger = new SeqLedger(args.seed(), partitions.size(), expected);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long lastProgress = System.nanoTime();
            while (System.nanoTime() - lastProgress < args.idleMillis * 1_000_000L
                    && (ledger.distinct() < expected || System.nanoTime() - lastProgress < 2_000_000_000L)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    lastProgress = System.nanoTime();
                    ledger.record(r.partition(), r.offset(), r.value());
                }
            }
        }
        Properties p = new Properties();
        ledger.putAll(p, expected);
        KqatBeans.putAll(p);
        ChildReport.write(args.report(), p);
        System.exit(ledger.lost(expected) == 0 && ledger.clean() ? 0 : 1);
    }
}
