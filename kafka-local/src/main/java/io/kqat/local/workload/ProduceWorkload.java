package io.kqat.local.workload;

import io.kqat.samples.KafkaLikeEvents;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Option;

/**
 * Produces {@code --records} records ({@code KafkaLikeEvents.record}) to {@code --topic} (one partition keeps them in
 * order) and reports how long it took and what kqat did. Runs as its own JVM, with or without the kqat agent, on any
 * kafka-clients from 2.8 (and on relocated copies: the shaded runtimes carry it relocated with their Kafka).
 */
public final class ProduceWorkload {
    private ProduceWorkload() {
    }

    static final class Options extends RecordsOptions {
        @Option(names = "--compression")
        String compression = "gzip";
        /** Any Kafka client setting, {@code --client compression.gzip.level=9}. */
        @Option(names = "--client", paramLabel = "KEY=VALUE")
        Map<String, String> client = new HashMap<>();
    }

    public static void main(String[] argv) throws Exception {
        Options args = ProgramOptions.parse(new Options(), argv);
        String topic = args.topic();
        long records = args.records();
        long seed = args.seed();

        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrap());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, args.compression);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        config.putAll(args.client);

        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        // Generated before the clock starts, so the figures measure Kafka and its compression, not this generator.
        byte[][] keys = new byte[(int) records][];
        byte[][] values = new byte[(int) records][];
        long bytes = 0;
        for (int i = 0; i < records; i++) {
            keys[i] = KafkaLikeEvents.key(i);
            values[i] = KafkaLikeEvents.record(seed, i);
            bytes += keys[i].length + values[i].length;
        }
        double compressionRate;
        WorkloadReport report = new WorkloadReport();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, 0, keys[i], values[i]), (metadata, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            compressionRate = producer.metrics().entrySet().stream()
                    .filter(e -> e.getKey().name().equals("compression-rate-avg") && e.getKey().group().equals("producer-metrics"))
                    .map(e -> e.getValue().metricValue()).filter(v -> v instanceof Double).map(v -> (Double) v)
                    .findFirst().orElse(Double.NaN);
            report.putThreadCpu(); // while the sender thread lives
        }
        long nanos = System.nanoTime() - start;
        report.put("records", records)
                .put("bytes", bytes)
                .put("nanos", nanos)
                .put("failed", failed.get())
                .put("compressionRate", compressionRate)
                .put("firstFailure", firstFailure.get() == null ? "" : firstFailure.get().toString())
                .putKqatMetrics();
        report.write(args.report());
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
