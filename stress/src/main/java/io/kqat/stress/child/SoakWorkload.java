package io.kqat.stress.child;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Mode;
import io.kqat.codec.ZstdCodec;
import io.kqat.local.workload.ProgramOptions;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Option;

/**
 * The soak, run in a JVM with the agent on the emulator ({@code mode=qat,qat.emulator=DIR}): 8 producer threads (one
 * producer each) and 2 consumer threads for {@code --seconds}, sampling every {@code --sampleSeconds}; then the
 * clients close and a sample is taken, then kqat's process-wide codec closes and the emulator's counters are read.
 */
public final class SoakWorkload {
    private SoakWorkload() {
    }

    static final class Options extends ProgramOptions {
        /** The emulator directory the agent was given. */
        @Option(names = "--emulator", required = true)
        String emulator;
        @Option(names = "--seconds")
        long seconds = 30;
        @Option(names = "--sampleSeconds")
        long sampleSeconds = 5;
    }

    public static void main(String[] argv) throws Exception {
        Options args = ProgramOptions.parse(new Options(), argv);
        String bootstrap = args.bootstrap();
        String topic = args.topic();
        String emulatorDir = args.emulator;
        long seconds = args.seconds;
        long sampleMillis = args.sampleSeconds * 1000;
        EmulatorControl emu = EmulatorControl.open(Paths.get(emulatorDir));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong produced = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<SoakSample> samples = new ArrayList<>();
        long start = System.nanoTime();
        samples.add(SoakSample.take(0, emu, 0, 0));
        for (int p = 0; p < 8; p++) {
            final int id = p;
            threads.add(thread("producer-" + p, () -> produce(bootstrap, topic, id, stop, produced, failures)));
        }
        for (int c = 0; c < 2; c++) {
            threads.add(thread("consumer-" + c, () -> consume(bootstrap, topic, stop, consumed, failures)));
        }
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(sampleMillis, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            SoakSample s = SoakSample.take((System.nanoTime() - start) / 1e9, emu, produced.get(), consumed.get());
            samples.add(s);
            System.out.println("sample " + s.line());
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(120_000);
        }
        Properties p = new Properties();
        SoakSample closed = SoakSample.take((System.nanoTime() - start) / 1e9, emu, produced.get(), consumed.get());
        System.out.println("after the clients closed: " + closed.line());
        KqatBeans.putAll(p);
        CodecConfig agentConfig = CodecConfig.builder().mode(Mode.QAT).setText(KqatSettings.QAT_EMULATOR, emulatorDir).build();
        GzipCodec.shared(agentConfig).close(); // the agent's own codecs (same config, so the same instances)
        ZstdCodec.shared(agentConfig).close(); // Kafka zstd's hook holds the QAT runtime too (zstd.mode follows mode)
        SoakSample codecClosed = SoakSample.take((System.nanoTime() - start) / 1e9, emu, produced.get(), consumed.get());
        System.out.println("after kqat's codec closed: " + codecClosed.line());
        report(p, samples, closed, codecClosed, failures.get());
        ChildReport.write(args.report(), p);
        System.exit(0);
    }

    private static void report(Properties p, List<SoakSample> samples, SoakSample closed, SoakSample codecClosed, long failures) {
        p.setProperty("samples", Integer.toString(samples.size()));
        p.setProperty("failures", Long.toString(failures));
        SoakSample last = samples.get(samples.size() - 1);
        p.setProperty("produced", Long.toString(last.produced));
        p.setProperty("consumed", Long.toString(last.consumed));
        p.setProperty("minutes", String.format("%.2f", last.seconds / 60));
        int half = samples.size() / 2;
        for (int i = 0; i < SoakSample.SERIES.length; i++) {
            String n = SoakSample.SERIES[i];
            final int k = i;
            p.setProperty(n + ".first", Long.toString(samples.get(1 < samples.size() ? 1 : 0).values[i]));
            p.setProperty(n + ".max", Long.toString(samples.stream().mapToLong(s -> s.values[k]).max().orElse(-1)));
            p.setProperty(n + ".last", Long.toString(last.values[i]));
            p.setProperty(n + ".slopePerMinute", String.format("%.2f", SoakSample.slopePerMinute(samples, i, 1, samples.size())));
            p.setProperty(n + ".slopePerMinute.secondHalf", String.format("%.2f", SoakSample.slopePerMinute(samples, i, half, samples.size())));
            p.setProperty(n + ".afterClientsClosed", Long.toString(closed.values[i]));
            p.setProperty(n + ".afterCodecClosed", Long.toString(codecClosed.values[i]));
        }
    }

    private static Thread thread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.start();
        return t;
    }

    private static void produce(String bootstrap, String topic, int id, AtomicBoolean stop, AtomicLong produced, AtomicLong failures) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(16384 << (id % 3))); // 16, 32 and 64 KiB batches
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; !stop.get(); i++) {
                producer.send(new ProducerRecord<>(topic, KafkaLikeEvents.key(i), KafkaLikeEvents.record(id, i)), (md, e) -> {
                    if (e == null) {
                        produced.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
    }

    private static void consume(String bootstrap, String topic, AtomicBoolean stop, AtomicLong consumed, AtomicLong failures) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            while (!stop.get()) {
                consumed.addAndGet(consumer.poll(Duration.ofMillis(200)).count());
            }
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            e.printStackTrace();
        }
    }
}
