package io.kqat.local.e2e;

import io.kqat.local.workload.WorkloadReport;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Child program of the end-to-end measurement: sends {@code records} records, the dataset's values in order and
 * again from the start when it runs out, to partition 0 of {@code topic}, then reports the wall time and its whole
 * process's CPU time from the first send, and its CPU by thread group (so the caller can take the slope between two run
 * lengths). A QAT row first sends one warm-up batch and waits until kqat's QAT rung serves ({@link QatWarmup}).
 */
public final class E2eProducer {
    private E2eProducer() {
    }

    public static void main(String[] argv) {
        ChildSettings settings = ChildSettings.load(argv);
        List<byte[]> values = settings.values();
        long records = settings.number("records");
        String topic = settings.string("topic");
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long bytes = 0;
        double compressionRate;
        WorkloadReport report = new WorkloadReport();
        long start;
        long cpu0;
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(settings.kafkaConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
            if (settings.flag(QatWarmup.SETTING)) {
                producer.send(new ProducerRecord<>(topic + "-warmup", 0, null, values.get(0)));
                producer.flush();
                QatWarmup.awaitQat(settings.string(QatWarmup.CODEC));
            }
            start = System.nanoTime(); // the measured run: the client's and kqat's start-up are not in it
            cpu0 = OwnCpu.nanos();
            report.markThreadCpu();
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
            report.putThreadCpu(); // while the sender thread lives
        }
        long nanos = System.nanoTime() - start;
        KqatBackendsUsed.put(report)
                .put("records", records)
                .put("bytes", bytes)
                .put("nanos", nanos)
                .put("cpuNanos", OwnCpu.nanos() - cpu0)
                .put("failed", failed.get())
                .put("compressionRate", compressionRate)
                .put("firstFailure", firstFailure.get() == null ? "" : firstFailure.get().toString())
                .putKqatMetrics()
                .write(settings.report());
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
