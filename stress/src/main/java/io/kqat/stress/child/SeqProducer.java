package io.kqat.stress.child;

import io.kqat.local.workload.ProgramOptions;
import io.kqat.local.workload.RecordsOptions;
import io.kqat.samples.KafkaLikeEvents;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Option;

/**
 * Sends {@code --records} sequence-numbered records ({@code KafkaLikeEvents.record} i starts {@code {"seq":i,}) to
 * partition 0 with an idempotent gzip producer (device faults switched on once kqat has started:
 * {@code --failPercent}, {@code --hangAfter} requests), timing each from {@code send()} to its acknowledgement,
 * while counting the times a kqat circuit opened. Reports p50/p99/max latency, the longest {@code send()} call,
 * failures and kqat's counters.
 */
public final class SeqProducer {
    private SeqProducer() {
    }

    static final class Options extends RecordsOptions {
        /** The emulator directory the agent was given (its counters are reported, its faults switched on). */
        @Option(names = "--emulator")
        String emulator;
        @Option(names = "--failPercent")
        long failPercent;
        /** Requests the device completes before it hangs; negative: it does not hang. */
        @Option(names = "--hangAfter")
        long hangAfter = -1;
    }

    public static void main(String[] argv) throws Exception {
        Options args = ProgramOptions.parse(new Options(), argv);
        int records = Math.toIntExact(args.records());
        long seed = args.seed();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrap());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "600000");

        long[] sent = new long[records];
        long[] latency = new long[records];
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        CircuitWatch circuits = new CircuitWatch();
        long longestSend = 0;
        String topic = args.topic();
        long start;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topic); // creates the topic and fetches its metadata before the clock starts
            EmulatorCounters.injectFaults(args.emulator, args.failPercent, seed, args.hangAfter);
            start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                final int seq = i;
                long t0 = System.nanoTime();
                sent[seq] = t0;
                producer.send(new ProducerRecord<>(topic, 0, KafkaLikeEvents.key(seq), KafkaLikeEvents.record(seed, seq)), (md, e) -> {
                    latency[seq] = System.nanoTime() - sent[seq];
                    if (e != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                });
                longestSend = Math.max(longestSend, System.nanoTime() - t0);
            }
            producer.flush();
        }
        long nanos = System.nanoTime() - start;
        circuits.close();
        long[] sorted = latency.clone();
        Arrays.sort(sorted);
        Properties p = new Properties();
        p.setProperty("records", Integer.toString(records));
        p.setProperty("failed", Long.toString(failed.get()));
        p.setProperty("firstFailure", firstFailure.get() == null ? "" : firstFailure.get().toString());
        p.setProperty("seconds", String.format("%.1f", nanos / 1e9));
        p.setProperty("latency.p50.ms", ms(sorted, 0.50));
        p.setProperty("latency.p99.ms", ms(sorted, 0.99));
        p.setProperty("latency.max.ms", String.format("%.1f", sorted[records - 1] / 1e6));
        p.setProperty("longestSendCall.ms", String.format("%.1f", longestSend / 1e6));
        p.setProperty("circuitOpenings", Long.toString(circuits.openings()));
        KqatBeans.putAll(p);
        EmulatorCounters.putAll(p, args.emulator);
        ChildReport.write(args.report(), p);
        System.exit(failed.get() == 0 ? 0 : 1);
    }

    private static String ms(long[] sorted, double q) {
        return String.format("%.1f", sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6);
    }

    /** Polls the rungs' CircuitOpen every 20 ms and counts each time the number of open circuits rose. */
    private static final class CircuitWatch implements AutoCloseable {
        private final AtomicLong openings = new AtomicLong();
        private final Thread thread;
        private volatile boolean closed;

        CircuitWatch() {
            thread = new Thread(() -> {
                int before = 0;
                while (!closed) {
                    int now = KqatBeans.openCircuits();
                    if (now > before) {
                        openings.addAndGet(now - before);
                    }
                    before = now;
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "kqat-circuit-watch");
            thread.setDaemon(true);
            thread.start();
        }

        long openings() {
            return openings.get();
        }

        @Override
        public void close() {
            closed = true;
            thread.interrupt();
        }
    }
}
