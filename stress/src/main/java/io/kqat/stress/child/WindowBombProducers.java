package io.kqat.stress.child;

import io.kqat.local.workload.ProgramOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Option;

/**
 * {@code --threads} stock gzip producers, one per partition of a new topic, each sending {@code --batches} window
 * bombs ({@link WindowBomb}: one record, about 8 KiB of gzip that inflates to 4 MiB) and waiting for each: the broker
 * validates up to {@code --threads} of them at once.
 */
public final class WindowBombProducers {
    private WindowBombProducers() {
    }

    static final class Options extends ProgramOptions {
        @Option(names = "--threads")
        int threads = 64;
        @Option(names = "--batches")
        int batches = 4;
    }

    public static void main(String[] argv) throws Exception {
        Options args = ProgramOptions.parse(new Options(), argv);
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrap());
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(args.topic(), args.threads, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        ExecutorService pool = Executors.newFixedThreadPool(args.threads);
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < args.threads; t++) {
            int partition = t;
            all.add(pool.submit(() -> {
                try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(config(args.bootstrap()))) {
                    for (int i = 0; i < args.batches; i++) {
                        try {
                            p.send(new ProducerRecord<>(args.topic(), partition, null, WindowBomb.value(partition, i)))
                                    .get(120, TimeUnit.SECONDS);
                            acked.incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet("", e.toString());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        Properties report = new Properties();
        report.setProperty("acked", Long.toString(acked.get()));
        report.setProperty("failed", Long.toString(failed.get()));
        report.setProperty("firstFailure", firstFailure.get());
        ChildReport.write(args.report(), report);
    }

    private static Properties config(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 16 << 10);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
