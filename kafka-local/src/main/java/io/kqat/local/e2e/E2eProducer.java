package io.kqat.local.e2e;

import io.kqat.local.workload.WorkloadReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Child program of the end-to-end measurement: sends {@code --records} records, the dataset's values in order and
 * again from the start when it runs out, to partition 0 of {@code --topic}, then reports its wall time and its whole
 * process's CPU time (so the caller can take the slope between two run lengths, which cancels start-up).
 */
public final class E2eProducer {
    private E2eProducer() {
    }

    public static void main(String[] argv) {
        ChildArgs args = new ChildArgs(argv);
        List<byte[]> values = DatasetRecords.read(args.path("dataset"));
        long records = args.number("records");
        String topic = args.string("topic");

        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args.string("bootstrap"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        config.putAll(args.clientOverrides());

        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long bytes = 0;
        double compressionRate;
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < records; i++) {
                byte[] value = values.get((int) (i % values.size()));
                bytes += value.length;
                producer.send(new ProducerRecord<>(topic, 0, null, value), (metadata, e) -> {
                    if (e != null && failed.getAndIncrement() == 0) {
                        firstFailure.set(e);
                    }
                });
            }
            producer.flush();
            compressionRate = producer.metrics().entrySet().stream()
                    .filter(e -> e.getKey().name().equals("compression-rate-avg")
                            && e.getKey().group().equals("producer-metrics"))
                    .map(e -> e.getValue().metricValue()).filter(v -> v instanceof Double).map(v -> (Double) v)
                    .findFirst().orElse(Double.NaN);
        }
        long nanos = System.nanoTime() - start;
        new WorkloadReport()
                .put("records", records)
                .put("bytes", bytes)
                .put("nanos", nanos)
                .put("cpuNanos", OwnCpu.nanos())
                .put("failed", failed.get())
                .put("compressionRate", compressionRate)
                .put("firstFailure", firstFailure.get() == null ? "" : firstFailure.get().toString())
                .putKqatMetrics()
                .write(args.path("report"));
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
