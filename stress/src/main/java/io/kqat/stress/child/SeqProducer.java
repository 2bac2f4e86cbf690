package io.kqat.stress.child;

import io.kqat.local.workload.ProgramOptions;
import io.kqat.local.workload.RecordsOptions;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Sends sequence-numbered records ({@code KafkaLikeEvents.record} i starts {@code {"seq":i,}), record i to partition
 * {@code i % partitions} of the topic, with an idempotent gzip producer at {@code acks=all} (device faults switched on
 * once kqat has started: {@code --failPercent}, {@code --hangAfter} requests), timing each from {@code send()} to its
 * acknowledgement, while counting the times a kqat circuit opened. Sends {@code --records}, or with {@code --until FILE}
 * keeps sending after them until that file exists; {@code --rate} paces the stream. Reports p50/p99/max latency, the
 * longest {@code send()} call, failures and kqat's counters; {@code --sendLog} keeps every record's times
 * ({@link SendLog}), {@code --progress} tells a driver how far it is ({@link ProgressFile}).
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
        /** Records per second; 0: as fast as the producer takes them. */
        @Option(names = "--rate")
        long rate;
        /** Once {@code --records} are sent, keep sending until this file exists. */
        @Option(names = "--until")
        Path until;
        @Option(names = "--sendLog")
        Path sendLog;
        @Option(names = "--progress")
        Path progress;
    }

    public static void main(String[] argv) throws Exception {
        Options args = ProgramOptions.parse(new Options(), argv);
        long records = args.records();
        long seed = args.seed();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args.bootstrap());
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "600000");

        SendLog log = new SendLog();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        CircuitWatch circuits = new CircuitWatch();
        long longestSend = 0;
        String topic = args.topic();
        long start;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            // creates the topic and fetches its metadata before the clock starts
            int partitions = producer.partitionsFor(topic).size();
            EmulatorCounters.injectFaults(args.emulator, args.failPercent, seed, args.hangAfter);
            Pacer pacer = new Pacer(args.rate);
            start = System.nanoTime();
            try (ProgressFile progress = ProgressFile.start(args.progress, log)) {
                for (int i = 0; i < records || !stopAsked(args.until, i); i++) {
                    final int seq = i;
                    pacer.await(seq);
                    long t0 = System.nanoTime();
                    log.sending(seq);
                    producer.send(new ProducerRecord<>(topic, seq % partitions, KafkaLikeEvents.key(seq),
                            KafkaLikeEvents.record(seed, seq)), (md, e) -> {
                                log.answered(seq, e == null);
                                if (e != null) {
                                    firstFailure.compareAndSet(null, e);
                                }
                            });
                    longestSend = Math.max(longestSend, System.nanoTime() - t0);
                }
                producer.flush();
            }
        }
        long nanos = System.nanoTime() - start;
        circuits.close();
        long[] sorted = log.sortedLatencies();
        Properties p = new Properties();
        p.setProperty("records", Integer.toString(log.sent()));
        p.setProperty("failed", Long.toString(log.failed()));
        p.setProperty("firstFailure", firstFailure.get() == null ? "" : firstFailure.get().toString());
        p.setProperty("seconds", String.format("%.1f", nanos / 1e9));
        p.setProperty("latency.p50.ms", Latencies.ms(sorted, 0.50));
        p.setProperty("latency.p99.ms", Latencies.ms(sorted, 0.99));
        p.setProperty("latency.max.ms", Latencies.ms(sorted, 1.0));
        p.setProperty("longestSendCall.ms", String.format("%.1f", longestSend / 1e6));
        p.setProperty("circuitOpenings", Long.toString(circuits.openings()));
        KqatBeans.putAll(p);
        EmulatorCounters.putAll(p, args.emulator);
        if (args.sendLog != null) {
            log.write(args.sendLog);
        }
        ChildReport.write(args.report(), p);
        System.exit(log.failed() == 0 && log.acked() == log.sent() ? 0 : 1);
    }

    /** Whether the driver's stop file exists (looked at every 256 records); with no stop file, yes. */
    private static boolean stopAsked(Path until, int seq) {
        return until == null || seq % 256 == 0 && Files.exists(until);
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
