package io.kqat.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.engine.LadderCodecFactory;
import io.kqat.codec.scripted.Outcome;
import io.kqat.codec.scripted.ScriptedProvider;
import io.kqat.samples.KafkaLikeEvents;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.Deflater;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.apache.kafka.clients.ApiVersions;
import org.apache.kafka.clients.KafkaClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.internals.ProducerInterceptors;
import org.apache.kafka.clients.producer.internals.ProducerMetadata;
import org.apache.kafka.common.internals.ClusterResourceListeners;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.LogContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka's own producer (its RecordAccumulator and Sender, unchanged) against {@link InProcessBroker}, with kqat's hook
 * and every way kqat has to compress a batch failing at close: every rung and the JDK's deflater of the last resort.
 * A batch closed by the Sender has already left its deque, so a close that throws there strands it: its sends never
 * complete and {@code flush()} never returns. kqat must still put every record on the wire.
 */
class ProducerCloseFailureTest {
    private static final int RECORDS = 3_000;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @BeforeAll
    static void attach() {
        KqatAgent.install(AgentOptions.parse(Map.of("mode", "software")), ByteBuddyAgent.install());
    }

    @Test
    void whenEveryWayToCompressFailsAtCloseNoBatchIsStrandedAndNoCallHangs() throws Exception {
        ScriptedProvider first = new ScriptedProvider("first", 5);
        ScriptedProvider last = new ScriptedProvider("jdk", 100);
        first.backend().deflates().always(Outcome.runtime());
        last.backend().deflates().always(Outcome.oom());
        GzipCodec codec = LadderCodecFactory.create(CodecConfig.defaults(), List.of(first, last), level -> {
            throw new OutOfMemoryError("scripted: zlib could not allocate its state");
        });
        GzipCodec previous = KafkaGzipHook.swap(codec);
        InProcessBroker broker = new InProcessBroker();
        KafkaProducer<byte[], byte[]> producer = producer(broker);
        try {
            KafkaLikeEvents events = new KafkaLikeEvents(19);
            List<String> sent = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            List<RuntimeException> refused = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                byte[] value = events.next();
                sent.add(new String(value, StandardCharsets.UTF_8));
                try {
                    acks.add(producer.send(new ProducerRecord<>(InProcessBroker.TOPIC, 0, null, value)));
                } catch (RuntimeException e) {
                    refused.add(e); // a batch closed in send() when the next record does not fit
                }
            }
            CompletableFuture<Void> flush = CompletableFuture.runAsync(producer::flush);
            try {
                flush.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                long done = acks.stream().filter(Future::isDone).count();
                throw new AssertionError("flush() had not returned after " + PATIENCE.toSeconds() + " s; " + done
                        + " of " + RECORDS + " sends completed, " + refused.size() + " threw, "
                        + broker.values().size() + " records on the broker, " + broker.corruptBatches()
                        + " batches refused as corrupt");
            }
            assertThat(refused).as("sends that threw").isEmpty();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(1, TimeUnit.SECONDS); // throws if a send failed
            }
            assertThat(broker.corruptBatches()).as("batches the broker refused").isZero();
            assertThat(broker.values()).as("records on the broker, in order").isEqualTo(sent);
            assertThat(codec.counters().lastResortBatches()).as("batches written by the last resort").isPositive();
        } finally {
            producer.close(Duration.ofSeconds(5));
            KafkaGzipHook.swap(previous);
            codec.close();
        }
    }

    /** A KafkaProducer over the in-process broker, through the constructor Kafka's own tests use. */
    @SuppressWarnings("unchecked")
    private static KafkaProducer<byte[], byte[]> producer(InProcessBroker broker) throws Exception {
        ProducerConfig config = new ProducerConfig(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip",
                ProducerConfig.BATCH_SIZE_CONFIG, 16_384,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        ProducerMetadata metadata = new ProducerMetadata(100, 1000, Long.MAX_VALUE, Long.MAX_VALUE, new LogContext(),
                new ClusterResourceListeners());
        broker.describeTo(metadata);
        Constructor<?> c = KafkaProducer.class.getDeclaredConstructor(ProducerConfig.class, Serializer.class,
                Serializer.class, ProducerMetadata.class, KafkaClient.class, ProducerInterceptors.class,
                ApiVersions.class, Time.class);
        c.setAccessible(true);
        return (KafkaProducer<byte[], byte[]>) c.newInstance(config, new ByteArraySerializer(),
                new ByteArraySerializer(), metadata, broker, new ProducerInterceptors<>(List.of(), new Metrics()),
                new ApiVersions(), Time.SYSTEM);
    }
}
