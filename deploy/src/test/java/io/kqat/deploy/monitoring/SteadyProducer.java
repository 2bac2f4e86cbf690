package io.kqat.deploy.monitoring;

import io.kqat.emulator.EmulatorControl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A producer that keeps sending gzip batches, a few per second, until told to stop, so an exporter in its JVM can be
 * scraped while batches flow. Controlled through files in its work directory: {@code hang} makes the emulated QAT
 * device of this JVM hang from its next request (its batches then fall back to software), {@code stop} ends it.
 * Arguments: bootstrap servers, topic, the emulator's directory.
 */
public final class SteadyProducer {
    private SteadyProducer() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        Path emulator = Path.of(args[2]);
        Path dir = Path.of("").toAbsolutePath();
        Properties config = new Properties();
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip", ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, "65536", ProducerConfig.ACKS_CONFIG, "all"));
        boolean hung = false;
        long sent = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            while (!Files.exists(dir.resolve("stop"))) {
                if (!hung && Files.exists(dir.resolve("hang"))) {
                    EmulatorControl emu = EmulatorControl.open(emulator);
                    emu.setHangFrom(emu.counter("requests"));
                    hung = true;
                    System.out.println("the device hangs from request " + emu.counter("requests"));
                }
                for (int i = 0; i < 200; i++, sent++) {
                    byte[] value = ("{\"event\":" + sent + ",\"kind\":\"steady\",\"payload\":\"" + "abcdefgh".repeat(20)
                            + "\"}").getBytes(StandardCharsets.UTF_8);
                    producer.send(new ProducerRecord<>(topic, value));
                }
                producer.flush();
                Files.writeString(dir.resolve("sent"), Long.toString(sent));
                Thread.sleep(100);
            }
        }
        System.out.println("sent " + sent);
    }
}
