package io.kqat.agent;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static io.kqat.testkit.GzipFixtures.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.metrics.KqatObjectNames;
import io.kqat.samples.KafkaLikeEvents;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.apache.kafka.common.utils.internals.ByteBufferOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hook woven into kafka-clients (the version this build compiles against) in this JVM, software backends only. */
class KafkaHookTest {
    private static final byte MAGIC = RecordBatch.CURRENT_MAGIC_VALUE;

    @BeforeAll
    static void attach() {
        KqatAgent.install(AgentOptions.parse(Map.of("mode", "software")), ByteBuddyAgent.install());
        assertThat(KafkaGzipHook.installed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, 16 << 10, (128 << 10) + 1, 3 << 20})
    void kafkasGzipStreamsGoThroughKqatAndStayStandardGzip(int size) throws IOException {
        byte[] records = new KafkaLikeEvents(size).fill(size);
        Compression gzip = Compression.gzip().level(6).build();
        ByteBufferOutputStream kafkaBuffer = new ByteBufferOutputStream(64);

        OutputStream out = gzip.wrapForOutput(kafkaBuffer, MAGIC);
        assertThat(kqatStream(out)).as("kqat's stream").isTrue();
        writeInPieces(out, records, new SplittableRandom(size));
        out.flush();
        assertThat(kafkaBuffer.position()).as("flush writes nothing, the batch is compressed at close").isZero();
        out.close();

        ByteBuffer wire = kafkaBuffer.buffer().flip();
        byte[] compressed = new byte[wire.remaining()];
        wire.duplicate().get(compressed);
        assertThat(gunzip(compressed)).isEqualTo(records);

        try (InputStream in = gzip.wrapForInput(wire, MAGIC, BufferSupplier.create())) {
            assertThat(kqatStream(in)).as("kqat's stream").isTrue();
            assertThat(in.readAllBytes()).isEqualTo(records);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void recordBatchesBuiltAndReadByKafkaRoundTripThroughTheHook() {
        long batchesBefore = KafkaGzipHook.installed() ? hookCompressBatches() : 0;
        KafkaLikeEvents events = new KafkaLikeEvents(7);
        List<String> sent = new ArrayList<>();
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(1 << 20), Compression.gzip().build(),
                TimestampType.CREATE_TIME, 0L);
        for (int i = 0; i < 500; i++) {
            String value = new String(events.next(), StandardCharsets.UTF_8);
            sent.add(value);
            builder.append(1000L + i, ("k" + i).getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        }
        MemoryRecords built = builder.build();
        assertThat(hookCompressBatches()).isGreaterThan(batchesBefore);

        List<String> read = new ArrayList<>();
        for (RecordBatch batch : built.batches()) {
            batch.ensureValid();
            for (Record r : batch) {
                read.add(StandardCharsets.UTF_8.decode(r.value()).toString());
            }
        }
        assertThat(read).isEqualTo(sent);
    }

    @Test
    void stockGzipWrittenByTheJdkIsReadThroughTheHookIncludingSkip() throws IOException {
        byte[] records = new KafkaLikeEvents(3).fill(50_000);
        try (InputStream in = Compression.gzip().build().wrapForInput(ByteBuffer.wrap(gzip(records)), MAGIC,
                BufferSupplier.create())) {
            assertThat(in.skip(1000)).isEqualTo(1000);
            byte[] rest = new byte[records.length - 1000];
            new DataInputStream(in).readFully(rest);
            assertThat(rest).isEqualTo(java.util.Arrays.copyOfRange(records, 1000, records.length));
            assertThat(in.skip(10)).isZero();
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void corruptBatchIsLeftToKafkasOwnDecoderWhichRejectsItAsStockDoes() {
        byte[] notGzip = "definitely not gzip".getBytes(StandardCharsets.UTF_8);
        long before = KafkaGzipHook.stockFallbacks();
        assertThatThrownBy(() -> Compression.gzip().build()
                .wrapForInput(ByteBuffer.wrap(notGzip), MAGIC, BufferSupplier.create()).read())
                .isInstanceOf(org.apache.kafka.common.KafkaException.class);
        assertThat(KafkaGzipHook.stockFallbacks()).isEqualTo(before + 1);
    }

    @Test
    void otherCodecsAreUntouched() throws IOException {
        OutputStream lz4 = Compression.lz4().build().wrapForOutput(new ByteBufferOutputStream(64), MAGIC);
        assertThat(kqatStream(lz4)).isFalse();
        lz4.close();
    }

    @Test
    void theMBeanPublishesTheBackendAndTheCounters() throws Exception {
        Compression gzip = Compression.gzip().build();
        try (OutputStream out = gzip.wrapForOutput(new ByteBufferOutputStream(64), MAGIC)) {
            out.write(new byte[1000]);
        }
        var server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = KqatObjectNames.codec();
        assertThat(server.getAttribute(name, "Backend")).isNotNull();
        assertThat((String[]) server.getAttribute(name, "Ladder")).anyMatch(s -> s.startsWith("jdk: ready"));
        CompositeData totals = (CompositeData) server.getAttribute(name, "Totals");
        assertThat((Long) totals.get("compressBatches")).isPositive();
        assertThat((Long) totals.get("compressBytesIn")).isGreaterThanOrEqualTo(1000);
        CompositeData jdk = (CompositeData) server.getAttribute(KqatObjectNames.backend("jdk"), "Stats");
        assertThat(jdk.getCompositeType().keySet()).contains("compressCopiedIn", "errors", "fallbacks");
    }

    private static long hookCompressBatches() {
        try {
            CompositeData totals = (CompositeData) ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(KqatObjectNames.codec(), "Totals");
            return (Long) totals.get("compressBatches");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** kqat's streams live in the codec's package; Kafka's own are anything else. */
    private static boolean kqatStream(Object stream) {
        return stream.getClass().getName().startsWith("io.kqat.codec.");
    }

    private static void writeInPieces(OutputStream out, byte[] data, SplittableRandom random) throws IOException {
        int i = 0;
        while (i < data.length) {
            if (random.nextInt(4) == 0) {
                out.write(data[i++]);
            } else {
                int n = Math.min(data.length - i, 1 + random.nextInt(5000));
                out.write(data, i, n);
                i += n;
            }
        }
    }
}
