package io.kqat.stress.child;

import io.kqat.local.workload.ProgramOptions;
import io.kqat.local.workload.RecordsOptions;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Option;

/**
 * A stock consumer (run without kqat) that reads partition 0 from the start until it has seen {@code --records}
 * distinct sequence numbers or the topic stays idle, and counts lost (never seen), duplicated (seen again) and
 * reordered (seen after a higher one) records, and records whose bytes differ from what was sent.
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
        int expected = Math.toIntExact(args.records());
        long seed = args.seed();
        long idleMillis = args.idleMillis;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrap());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        BitSet seen = new BitSet(expected);
        long read = 0;
        long duplicates = 0;
        long reordered = 0;
        long altered = 0;
        long highest = -1;
        String first = "";
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(args.topic(), 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long lastProgress = System.nanoTime();
            while (System.nanoTime() - lastProgress < idleMillis * 1_000_000L
                    && (seen.cardinality() < expected || System.nanoTime() - lastProgress < 2_000_000_000L)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    lastProgress = System.nanoTime();
                    read++;
                    int seq = seqOf(r.value());
                    if (seq < 0 || seq >= expected || !Arrays.equals(r.value(), KafkaLikeEvents.record(seed, seq))) {
                        altered++;
                        first = first.isEmpty() ? "offset " + r.offset() + " is not a record that was sent" : first;
                        continue;
                    }
                    if (seen.get(seq)) {
                        duplicates++;
                        first = first.isEmpty() ? "seq " + seq + " again at offset " + r.offset() : first;
                    } else if (seq < highest) {
                        reordered++;
                        first = first.isEmpty() ? "seq " + seq + " after seq " + highest + " at offset " + r.offset() : first;
                    }
                    seen.set(seq);
                    highest = Math.max(highest, seq);
                }
            }
        }
        long lost = expected - seen.cardinality();
        Properties p = new Properties();
        p.setProperty("read", Long.toString(read));
        p.setProperty("distinct", Integer.toString(seen.cardinality()));
        p.setProperty("lost", Long.toString(lost));
        p.setProperty("duplicated", Long.toString(duplicates));
        p.setProperty("reordered", Long.toString(reordered));
        p.setProperty("altered", Long.toString(altered));
        p.setProperty("firstProblem", lost > 0 && first.isEmpty() ? "first lost seq " + seen.nextClearBit(0) : first);
        KqatBeans.putAll(p);
        ChildReport.write(args.report(), p);
        System.exit(lost == 0 && duplicates == 0 && reordered == 0 && altered == 0 ? 0 : 1);
    }

    /** The n of a record's leading {@code {"seq":n,}, or -1. */
    static int seqOf(byte[] value) {
        String head = new String(value, 0, Math.min(value.length, 24), StandardCharsets.US_ASCII);
        if (!head.startsWith("{\"seq\":")) {
            return -1;
        }
        int end = head.indexOf(',');
        try {
            return end < 0 ? -1 : Integer.parseInt(head.substring(7, end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
