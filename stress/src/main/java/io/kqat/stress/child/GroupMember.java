package io.kqat.stress.child;

import io.kqat.local.workload.ProgramOptions;
import io.kqat.local.workload.RecordsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Option;

/**
 * One member of a consumer group reading the sequence-numbered records ({@link SeqLedger}): it commits synchronously
 * after each poll and before it gives partitions up in a rebalance, so a record it read is never handed to another
 * member. It stops once {@code --stopFile} exists and it has read to the end of every partition it holds, and writes
 * the sequence numbers it saw to {@code --seen} (a {@code BitSet}'s bytes): the run checks that the members together
 * saw every record exactly once.
 */
public final class GroupMember {
    private GroupMember() {
    }

    static final class Options extends RecordsOptions {
        @Option(names = "--group", required = true)
        String group;
        @Option(names = "--stopFile", required = true)
        Path stopFile;
        @Option(names = "--seen", required = true)
        Path seen;
        /** Rewritten at each assignment with the partitions held (the run waits on it for a member to have joined). */
        @Option(names = "--status")
        Path status;
    }

    public static void main(String[] argv) {
        Options args = ProgramOptions.parse(new Options(), argv);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, args.group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        Properties p = new Properties();
        SeqLedger ledger;
        TreeSet<Integer> held = new TreeSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            ledger = new SeqLedger(args.seed(), consumer.partitionsFor(args.topic()).size(), Long.MAX_VALUE);
            Rebalances rebalances = new Rebalances(consumer, held, p, args.status);
            consumer.subscribe(List.of(args.topic()), rebalances);
            long lookedAtEnd = 0;
            while (true) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    ledger.record(r.partition(), r.offset(), r.value());
                }
                if (!records.isEmpty()) {
                    rebalances.commit();
                }
                if (System.nanoTime() - lookedAtEnd > 1_000_000_000L && Files.exists(args.stopFile)) {
                    lookedAtEnd = System.nanoTime();
                    if (atEnd(consumer)) {
                        break;
                    }
                }
            }
            p.setProperty("rebalances", Integer.toString(rebalances.count));
            p.setProperty("commitFailures", Long.toString(rebalances.commitFailures));
        }
        ledger.putAll(p, -1);
        p.setProperty("partitionsHeld", held.toString());
        KqatBeans.putAll(p);
        try {
            Files.write(args.seen, ledger.seen().toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildReport.write(args.report(), p);
        System.exit(ledger.clean() ? 0 : 1);
    }

    /** Whether this member has read everything written to the partitions it holds. */
    private static boolean atEnd(KafkaConsumer<byte[], byte[]> consumer) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /**
     * Commits what was read, after each poll and before partitions go; counts rebalances and failed commits (after one,
     * what was read since the last commit may be read again by the other member), remembers every partition held.
     */
    private static final class Rebalances implements ConsumerRebalanceListener {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final TreeSet<Integer> held;
        private final Properties report;
        private final Path status;
        int count;
        long commitFailures;

        Rebalances(KafkaConsumer<byte[], byte[]> consumer, TreeSet<Integer> held, Properties report, Path status) {
            this.consumer = consumer;
            this.held = held;
            this.report = report;
            this.status = status;
        }

        void commit() {
            try {
                consumer.commitSync();
            } catch (KafkaException e) {
                commitFailures++;
                report.setProperty("firstCommitFailure", report.getProperty("firstCommitFailure", e.toString()));
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                commit();
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            count++;
            partitions.forEach(tp -> held.add(tp.partition()));
            if (status != null) {
                try {
                    Files.writeString(status, consumer.assignment().toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
