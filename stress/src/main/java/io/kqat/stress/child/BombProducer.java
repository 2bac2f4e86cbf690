package io.kqat.stress.child;

import io.kqat.local.workload.ProgramOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Option;

/**
 * {@code --producers} stock gzip producers (threads of this JVM, no agent), each sending {@code --batches} batches of
 * {@code --mib} records of 1 MiB of zeros: one batch each, compressed to about 1/1000 of that. The producer sizes a
 * batch by an uncompressed estimate, so {@code batch.size} and {@code max.request.size} are set above the batch's
 * uncompressed size, {@code linger.ms} is long and {@code flush()} closes each batch.
 */
public final class BombProducer {
    private static final int MIB = 1 << 20;

    private BombProducer() {
    }

    static final class Options extends ProgramOptions {
        @Option(names = "--producers")
        int producers = 8;
        @Option(names = "--batches")
        int batches = 1;
        @Option(names = "--mib")
        int mib = 256;
    }

    public static void main(String[] argv) throws Exception {
        Options args = ProgramOptions.parse(new Options(), argv);
        int producers = args.producers;
        int batches = args.batches;
        int mib = args.mib;
        String bootstrap = args.bootstrap();
        String topic = args.topic();
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int p = 0; p < producers; p++) {
            Thread t = new Thread(() -> send(bootstrap, topic, batches, mib, acked, failed, firstFailure), "bomb-" + p);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Properties r = new Properties();
        r.setProperty("records.expected", Long.toString((long) producers * batches * mib));
        r.setProperty("records.acked", Long.toString(acked.get()));
        r.setProperty("records.failed", Long.toString(failed.get()));
        r.setProperty("firstFailure", firstFailure.get());
        r.setProperty("seconds", String.format("%.1f", (System.nanoTime() - start) / 1e9));
        ChildReport.write(args.report(), r);
        System.exit(0);
    }

    private static void send(String bootstrap, String topic, int batches, int mib, AtomicLong acked, AtomicLong failed,
                             AtomicReference<String> firstFailure) {
        long batchBytes = (long) mib * MIB * 11 / 10 + MIB; // above 1.05 x the records' size, Kafka's estimate at ratio 1
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Long.toString(batchBytes));
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Long.toString(batchBytes + MIB));
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(batchBytes + MIB));
        config.put(ProducerConfig.LINGER_MS_CONFIG, "600000");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.RETRIES_CONFIG, "0"); // a rejected batch is reported, not retried
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "1300000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "600000");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "600000");
        byte[] zeros = new byte[MIB];
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topic);
            for (int b = 0; b < batches; b++) {
                List<Future<RecordMetadata>> results = new ArrayList<>();
                for (int i = 0; i < mib; i++) {
                    results.add(producer.send(new ProducerRecord<>(topic, 0, null, zeros)));
                }
                producer.flush();
                for (Future<RecordMetadata> f : results) {
                    try {
                        f.get();
                        acked.incrementAndGet();
                    } catch (ExecutionException e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet("", e.getCause().toString());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            firstFailure.compareAndSet("", "producer failed: " + e);
            e.printStackTrace();
        }
    }
}
