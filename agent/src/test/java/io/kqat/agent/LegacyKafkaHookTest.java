package io.kqat.agent;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.metrics.KqatObjectNames;
import io.kqat.samples.KafkaLikeEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeData;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hook in kafka-clients 2.8 and 3.7, where gzip lives in the GZIP constant of the {@code CompressionType} enum:
 * each release is loaded from its Maven Central jar in a class loader of its own and woven by the agent at load, as in
 * an application. And 3.8, where that enum still exists but no longer compresses: only {@code GzipCompression} is
 * hooked there.
 */
class LegacyKafkaHookTest {
    private static final byte MAGIC_V2 = 2;

    @BeforeAll
    static void attach() {
        KqatAgent.install(AgentOptions.parse(Map.of("mode", "software")), ByteBuddyAgent.install());
    }

    @ParameterizedTest(name = "kafka-clients {0}")
    @ValueSource(strings = {"2.8.2", "3.7.2"})
    void theGzipConstantsStreamsGoThroughKqatAndStayStandardGzip(String version) throws IOException {
        KafkaRelease kafka = KafkaRelease.of(version);
        Object gzip = kafka.compressionType("gzip");
        byte[] records = new KafkaLikeEvents(5).fill(200_000);
        OutputStream buffer = kafka.byteBufferOutputStream(64);

        OutputStream out = kafka.wrapForOutput(gzip, buffer, MAGIC_V2);
        assertThat(kqatStream(out)).as("%s is kqat's stream", out.getClass()).isTrue();
        out.write(records, 0, 1000);
        out.write(records, 1000, records.length - 1000);
        out.flush();
        assertThat(kafka.written(buffer).position()).as("flush writes nothing, the batch is compressed at close").isZero();
        out.close();

        ByteBuffer wire = kafka.written(buffer).flip();
        byte[] compressed = new byte[wire.remaining()];
        wire.duplicate().get(compressed);
        assertThat(gunzip(compressed)).isEqualTo(records);

        try (InputStream in = kafka.wrapForInput(gzip, wire, MAGIC_V2)) {
            assertThat(kqatStream(in)).as("%s is kqat's stream", in.getClass()).isTrue();
            assertThat(in.readAllBytes()).isEqualTo(records);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @ParameterizedTest(name = "kafka-clients {0}")
    @ValueSource(strings = {"2.8.2", "3.7.2"})
    void recordBatchesBuiltAndReadByThatReleaseRoundTripThroughTheHook(String version) {
        KafkaRelease kafka = KafkaRelease.of(version);
        long compressedBefore = kqatTotal("compressBatches");
        long decompressedBefore = kqatTotal("decompressBatches");
        Class<?> memoryRecords = kafka.type("common.record.MemoryRecords");
        Class<?> builderType = kafka.type("common.record.MemoryRecordsBuilder");
        Class<?> timestampType = kafka.type("common.record.TimestampType");
        Object builder = kafka.invoke(null, memoryRecords, "builder",
                new Class<?>[] {ByteBuffer.class, kafka.type("common.record.CompressionType"), timestampType, long.class},
                ByteBuffer.allocate(1 << 20), kafka.compressionType("gzip"),
                kafka.invoke(null, timestampType, "forName", new Class<?>[] {String.class}, "CreateTime"), 0L);
        KafkaLikeEvents events = new KafkaLikeEvents(9);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String value = new String(events.next(), StandardCharsets.UTF_8);
            sent.add(value);
            kafka.invoke(builder, builderType, "append", new Class<?>[] {long.class, byte[].class, byte[].class},
                    1000L + i, ("k" + i).getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        }
        Object built = kafka.invoke(builder, builderType, "build");
        assertThat(kqatTotal("compressBatches")).as("batches kqat compressed").isGreaterThan(compressedBefore);

        Class<?> recordBatch = kafka.type("common.record.RecordBatch");
        Class<?> record = kafka.type("common.record.Record");
        List<String> read = new ArrayList<>();
        for (Object batch : (Iterable<?>) kafka.invoke(built, memoryRecords, "batches")) {
            kafka.invoke(batch, recordBatch, "ensureValid");
            for (Object r : (Iterable<?>) batch) {
                read.add(StandardCharsets.UTF_8.decode((ByteBuffer) kafka.invoke(r, record, "value")).toString());
            }
        }
        assertThat(read).isEqualTo(sent);
        assertThat(kqatTotal("decompressBatches")).as("batches kqat decompressed").isGreaterThan(decompressedBefore);
    }

    @ParameterizedTest(name = "kafka-clients {0}")
    @ValueSource(strings = {"2.8.2", "3.7.2"})
    void otherConstantsAreUntouched(String version) throws IOException {
        KafkaRelease kafka = KafkaRelease.of(version);
        for (String codec : new String[] {"none", "lz4"}) {
            OutputStream out = kafka.wrapForOutput(kafka.compressionType(codec), kafka.byteBufferOutputStream(64), MAGIC_V2);
            assertThat(kqatStream(out)).as("%s stream %s", codec, out.getClass()).isFalse();
            out.close();
        }
    }

    @ParameterizedTest(name = "kafka-clients {0}")
    @ValueSource(strings = {"2.8.2", "3.7.2"})
    void aCorruptBatchIsLeftToThatReleasesDecoderWhichRejectsItAsStockDoes(String version) {
        KafkaRelease kafka = KafkaRelease.of(version);
        long before = KafkaGzipHook.stockFallbacks();
        ByteBuffer notGzip = ByteBuffer.wrap("definitely not gzip".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> kafka.wrapForInput(kafka.compressionType("gzip"), notGzip, MAGIC_V2).read())
                .isInstanceOf(RuntimeException.class)
                .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo("org.apache.kafka.common.KafkaException"));
        assertThat(KafkaGzipHook.stockFallbacks()).isEqualTo(before + 1);
    }

    @ParameterizedTest(name = "kafka-clients {0}")
    @ValueSource(strings = {"2.8.2", "3.7.2"})
    void theGzipBodyIsFoundFromTheEnumsInitialiserNotFromItsNumber(String version) throws ClassNotFoundException {
        KafkaRelease kafka = KafkaRelease.of(version);
        String enumName = "org.apache.kafka.common.record.CompressionType";
        assertThat(GzipConstantBody.of(enumName, kafka.loader)).isEqualTo(enumName + "$2");
        for (int body = 1; body <= 5; body++) {
            Class<?> type = Class.forName(enumName + "$" + body, false, kafka.loader);
            assertThat(legacyMatch(type, kafka.loader)).as("body %d", body).isEqualTo(body == 2);
        }
    }

    @Test
    void from38TheEnumIsLeftAloneAndGzipCompressionIsTheOneHook() throws ClassNotFoundException {
        KafkaRelease kafka = KafkaRelease.of("3.8.1");
        String enumName = "org.apache.kafka.common.record.CompressionType";
        String gzipBody = GzipConstantBody.of(enumName, kafka.loader);
        assertThat(gzipBody).as("3.8 still has a GZIP body class (levels only)").isEqualTo(enumName + "$1");
        assertThat(legacyMatch(Class.forName(gzipBody, false, kafka.loader), kafka.loader))
                .as("no wrapForOutput there: not hooked").isFalse();
        Class<?> gzipCompression = kafka.type("common.compress.GzipCompression");
        assertThat(GzipTargets.gzipCompression().matches(TypeDescription.ForLoadedType.of(gzipCompression))).isTrue();
    }

    private static boolean legacyMatch(Class<?> type, ClassLoader loader) {
        return GzipTargets.legacyGzipConstant().matches(TypeDescription.ForLoadedType.of(type), loader, null, null, null);
    }

    private static boolean kqatStream(Object stream) {
        return stream.getClass().getName().startsWith("io.kqat.codec.");
    }

    private static long kqatTotal(String counter) {
        try {
            CompositeData totals = (CompositeData) ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(KqatObjectNames.codec(), "Totals");
            return (Long) totals.get(counter);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
