package io.kqat.stress.child;

import io.kqat.local.workload.ProgramOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Option;

/**
 * {@code --threads} consumers, one per partition, reading back the window bombs {@link WindowBombProducers} wrote and
 * checking each value byte for byte; they decode up to {@code --threads} batches at once. Reports what was read, what
 * failed (an {@code OutOfMemoryError} included) and the largest direct memory seen.
 */
public final class WindowBombConsumers {
    private WindowBombConsumers() {
    }

    static final class Options extends ProgramOptions {
        @Option(names = "--threads")
        int threads = 64;
        @Option(names = "--batches")
        int batches = 4;
    }

    public static void main(String[] argv) throws Exception {
        Options args = ProgramOptions.parse(new Options(), argv);
        AtomicLong read = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        ExecutorService pool = Executors.newFixedThreadPool(args.threads);
        List<Future<?>> all = new ArrayList<>();
        try (WindowBomb.DirectWatch direct = new WindowBomb.DirectWatch()) {
            for (int t = 0; t < args.threads; t++) {
                int partition = t;
                all.add(pool.submit(() -> {
                    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config(args.bootstrap()))) {
                        c.assign(List.of(new TopicPartition(args.topic(), partition)));
                        int i = 0;
                        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                        while (i < args.batches && System.nanoTime() < deadline) {
                            for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                                if (Arrays.equals(r.value(), WindowBomb.value(partition, i++))) {
                                    read.incrementAndGet();
                                } else {
                                    wrong.incrementAndGet();
                                }
                            }
                        }
                    } catch (Throwable e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet("", e.toString());
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
            pool.shutdown();
            Properties report = new Properties();
            report.setProperty("read", Long.toString(read.get()));
            report.setProperty("wrong", Long.toString(wrong.get()));
            report.setProperty("failed", Long.toString(failed.get()));
            report.setProperty("firstFailure", firstFailure.get());
            report.setProperty("directPeak", Long.toString(direct.peak()));
            ChildReport.write(args.report(), report);
        }
    }

    private static Properties config(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }
}
