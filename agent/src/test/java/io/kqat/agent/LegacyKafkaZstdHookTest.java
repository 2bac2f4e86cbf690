package io.kqat.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import io.kqat.codec.metrics.KqatObjectNames;
import io.kqat.samples.KafkaLikeEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The zstd hook in earlier kafka-clients, each loaded from its Maven Central jar in a class loader of its own and woven
 * at load: 2.8 and 3.7 (the ZSTD constant of {@code CompressionType}, calling {@code ZstdFactory}, no level), 3.8 and
 * 3.9 ({@code ZstdCompression} with compression.zstd.level). In each, what kqat writes that release's own zstd reads
 * (the hook switched off), and what it writes kqat reads.
 */
class LegacyKafkaZstdHookTest {
    private static final byte MAGIC_V2 = 2;
    private static final String ENUM = "org.apache.kafka.common.record.CompressionType";

    @BeforeAll
    static void attach() {
        KqatAgent.install(AgentOptions.parse(Map.of("mode", "software")), ByteBuddyAgent.install());
    }

    /** That release's zstd codec object and the type declaring its stream methods. */
    private static final class Zstd4 {
        final KafkaRelease kafka;
        final Object codec;
        final Class<?> declaring;

        Zstd4(String version, int level) {
            kafka = KafkaRelease.of(version);
            if (version.startsWith("2.") || version.startsWith("3.7")) {
                codec = kafka.compressionType("zstd");
                declaring = kafka.type("common.record.CompressionType");
            } else {
                declaring = kafka.type("common.compress.Compression");
                Object builder = kafka.invoke(null, declaring, "zstd");
                Class<?> builderType = kafka.type("common.compress.ZstdCompression$Builder");
                kafka.invoke(builder, builderType, "level", new Class<?>[] {int.class}, level);
                codec = kafka.invoke(builder, builderType, "build");
            }
        }

        byte[] write(byte[] records) throws IOException {
            OutputStream buffer = kafka.byteBufferOutputStream(64);
            OutputStream out = (OutputStream) kafka.invoke(codec, declaring, "wrapForOutput",
                    new Class<?>[] {kafka.type("common.utils.ByteBufferOutputStream"), byte.class}, buffer, MAGIC_V2);
            out.write(records, 0, Math.min(1000, records.length));
            out.write(records, Math.min(1000, records.length), records.length - Math.min(1000, records.length));
            out.close();
            ByteBuffer wire = kafka.written(buffer).flip();
            byte[] bytes = new byte[wire.remaining()];
            wire.get(bytes);
            return bytes;
        }

        InputStream input(byte[] frames) {
            Class<?> supplierType = kafka.type("common.utils.BufferSupplier");
            Object supplier = kafka.invoke(null, supplierType, "create");
            return (InputStream) kafka.invoke(codec, declaring, "wrapForInput",
                    new Class<?>[] {ByteBuffer.class, byte.class, supplierType}, ByteBuffer.wrap(frames), MAGIC_V2, supplier);
        }

        byte[] read(byte[] frames) throws IOException {
            try (InputStream in = input(frames)) {
                return in.readAllBytes();
            }
        }
    }

    @ParameterizedTest(name = "kafka-clients {0}")
    @ValueSource(strings = {"2.8.2", "3.7.2", "3.8.1", "3.9.1"})
    void zstdGoesThroughKqatAndThatReleasesOwnZstdReadsIt(String version) throws IOException {
        Zstd4 zstd = new Zstd4(version, 3);
        byte[] records = new KafkaLikeEvents(5).fill(300_000);
        OutputStream probe = (OutputStream) zstd.kafka.invoke(zstd.codec, zstd.declaring, "wrapForOutput",
                new Class<?>[] {zstd.kafka.type("common.utils.ByteBufferOutputStream"), byte.class},
                zstd.kafka.byteBufferOutputStream(64), MAGIC_V2);
        assertThat(probe.getClass().getName()).startsWith("io.kqat.codec.");
        probe.close();
        byte[] frame = zstd.write(records);
        assertThat(Zstd.decompress(frame, records.length)).isEqualTo(records);
        try (InputStream in = zstd.input(frame)) {
            assertThat(in.getClass().getName()).startsWith("io.kqat.codec.");
            assertThat(in.readAllBytes()).isEqualTo(records);
        }
        byte[] stockRead = KafkaZstdHookTest.with(null, () -> {
            try {
                return zstd.read(frame);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(stockRead).as("%s's own zstd-jni reads kqat's frame", version).isEqualTo(records);
        byte[] stockWritten = KafkaZstdHookTest.with(null, () -> {
            try {
                return zstd.write(records);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(zstd.read(stockWritten)).as("kqat reads %s's own frame", version).isEqualTo(records);
    }

    @ParameterizedTest(name = "kafka-clients {0}")
    @ValueSource(strings = {"3.8.1", "3.9.1"})
    void from38TheLevelIsCompressionZstdLevel(String version) throws IOException {
        byte[] records = new KafkaLikeEvents(8).fill(400_000);
        assertThat(new Zstd4(version, 19).write(records).length).isLessThan(new Zstd4(version, 1).write(records).length);
    }

    @ParameterizedTest(name = "kafka-clients {0}")
    @ValueSource(strings = {"2.8.2", "3.7.2"})
    void recordBatchesBuiltAndReadByThatReleaseRoundTripThroughTheHook(String version) {
        KafkaRelease kafka = KafkaRelease.of(version);
        long compressed = KafkaZstdHookTest.total(KqatObjectNames.ZSTD_CODEC, "compressBatches");
        long decompressed = KafkaZstdHookTest.total(KqatObjectNames.ZSTD_CODEC, "decompressBatches");
        Class<?> memoryRecords = kafka.type("common.record.MemoryRecords");
        Class<?> builderType = kafka.type("common.record.MemoryRecordsBuilder");
        Class<?> timestampType = kafka.type("common.record.TimestampType");
        Object builder = kafka.invoke(null, memoryRecords, "builder",
                new Class<?>[] {ByteBuffer.class, kafka.type("common.record.CompressionType"), timestampType, long.class},
                ByteBuffer.allocate(1 << 20), kafka.compressionType("zstd"),
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
        assertThat(KafkaZstdHookTest.total(KqatObjectNames.ZSTD_CODEC, "compressBatches")).isGreaterThan(compressed);
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
        assertThat(KafkaZstdHookTest.total(KqatObjectNames.ZSTD_CODEC, "decompressBatches")).isGreaterThan(decompressed);
    }

    @ParameterizedTest(name = "kafka-clients {0}")
    @ValueSource(strings = {"2.8.2", "3.7.2"})
    void theZstdBodyIsFoundFromTheEnumsInitialiserAndNoOtherIsHooked(String version) throws ClassNotFoundException {
        KafkaRelease kafka = KafkaRelease.of(version);
        assertThat(GzipConstantBody.of(ENUM, ZstdTargets.CONSTANT, kafka.loader)).isEqualTo(ENUM + "$5");
        for (int body = 1; body <= 5; body++) {
            Class<?> type = Class.forName(ENUM + "$" + body, false, kafka.loader);
            assertThat(ZstdTargets.legacyZstdConstant().matches(TypeDescription.ForLoadedType.of(type), kafka.loader,
                    null, null, null)).as("body %d", body).isEqualTo(body == 5);
        }
    }

    @Test
    void from38TheEnumIsLeftAloneAndZstdCompressionIsTheOneHook() throws ClassNotFoundException {
        KafkaRelease kafka = KafkaRelease.of("3.8.1");
        String zstdBody = GzipConstantBody.of(ENUM, ZstdTargets.CONSTANT, kafka.loader);
        assertThat(zstdBody).as("3.8 still has a ZSTD body class (levels only)").isNotNull();
        assertThat(ZstdTargets.legacyZstdConstant().matches(TypeDescription.ForLoadedType.of(
                Class.forName(zstdBody, false, kafka.loader)), kafka.loader, null, null, null)).isFalse();
        assertThat(ZstdTargets.zstdCompression().matches(
                TypeDescription.ForLoadedType.of(kafka.type("common.compress.ZstdCompression")))).isTrue();
    }
}
