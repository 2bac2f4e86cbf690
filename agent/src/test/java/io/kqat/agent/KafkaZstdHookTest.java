package io.kqat.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.ZstdCodec;
import io.kqat.codec.metrics.KqatObjectNames;
import io.kqat.codec.scripted.Outcome;
import io.kqat.codec.scripted.ScriptedZstdProvider;
import io.kqat.codec.zstd.engine.LadderZstdCodecFactory;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The zstd hook woven into kafka-clients 4.4 ({@code ZstdCompression}) in this JVM, beside the gzip hook: what kqat
 * writes stock Kafka reads (the hook switched off reads through Kafka's own zstd-jni), what stock Kafka writes kqat
 * reads, every level goes where Kafka's compression.zstd.level says, and batches kqat cannot take go to Kafka's own.
 */
class KafkaZstdHookTest {
    private static final byte MAGIC = RecordBatch.CURRENT_MAGIC_VALUE;

    @BeforeAll
    static void attach() {
        KqatAgent.install(AgentOptions.parse(Map.of("mode", "software")), ByteBuddyAgent.install());
        assertThat(KafkaZstdHook.installed()).isTrue();
    }

    /** Runs {@code body} with the hook's codec replaced ({@code null}: the hook off, Kafka's own zstd-jni). */
    static <T> T with(ZstdCodec codec, Supplier<T> body) {
        ZstdCodec previous = KafkaZstdHook.swap(codec);
        try {
            return body.get();
        } finally {
            KafkaZstdHook.swap(previous);
        }
    }

    static byte[] write(Compression zstd, byte[] records) {
        ByteBufferOutputStream kafka = new ByteBufferOutputStream(64);
        try (OutputStream out = zstd.wrapForOutput(kafka, MAGIC)) {
            for (int i = 0; i < records.length; ) {
                int n = Math.min(records.length - i, 1 + (i * 7) % 5000);
                out.write(records, i, n);
                i += n;
            }
            out.flush();
            if (kqatStream(out)) {
                assertThat(kafka.position()).as("flush writes nothing").isZero();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ByteBuffer wire = kafka.buffer().flip();
        byte[] bytes = new byte[wire.remaining()];
        wire.get(bytes);
        return bytes;
    }

    static byte[] read(Compression zstd, byte[] frames) {
        try (InputStream in = zstd.wrapForInput(ByteBuffer.wrap(frames), MAGIC, BufferSupplier.create())) {
            byte[] all = in.readAllBytes();
            assertThat(in.read()).isEqualTo(-1);
            return all;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static boolean kqatStream(Object stream) {
        return stream.getClass().getName().startsWith("io.kqat.codec.");
    }

    @ParameterizedTest(name = "level {0}, {1} bytes")
    @CsvSource({"3,0", "3,1", "3,100", "3,16384", "3,131073", "3,3145728", "1,200000", "-5,200000", "0,200000",
            "12,200000", "19,200000", "22,50000"})
    void kafkasZstdGoesThroughKqatAndStockKafkaReadsIt(int level, int size) throws IOException {
        byte[] records = new KafkaLikeEvents(size).fill(size);
        Compression zstd = Compression.zstd().level(level).build();
        try (OutputStream out = zstd.wrapForOutput(new ByteBufferOutputStream(64), MAGIC)) {
            assertThat(kqatStream(out)).as("kqat's stream").isTrue();
        }
        byte[] frame = write(zstd, records);
        assertThat(Zstd.decompress(frame, records.length)).isEqualTo(records);
        assertThat(with(null, () -> read(zstd, frame))).as("Kafka's own zstd-jni reads it").isEqualTo(records);
        try (InputStream in = zstd.wrapForInput(ByteBuffer.wrap(frame), MAGIC, BufferSupplier.create())) {
            assertThat(kqatStream(in)).isTrue();
            assertThat(in.readAllBytes()).isEqualTo(records);
        }
    }

    @Test
    void theLevelIsKafkasCompressionZstdLevel() {
        byte[] records = new KafkaLikeEvents(4).fill(500_000);
        int fast = write(Compression.zstd().level(-5).build(), records).length;
        int normal = write(Compression.zstd().build(), records).length;
        int small = write(Compression.zstd().level(19).build(), records).length;
        assertThat(small).isLessThan(normal);
        assertThat(normal).isLessThan(fast);
    }

    @Test
    void whatStockZstdWritesKqatReadsChecksumsSeveralFramesAndSkippableFramesIncluded() throws IOException {
        byte[] records = new KafkaLikeEvents(6).fill(400_000);
        Compression zstd = Compression.zstd().build();
        byte[] stock = with(null, () -> write(zstd, records));
        assertThat(read(zstd, stock)).isEqualTo(records);
        byte[] checked;
        try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
            checked = ctx.setLevel(5).setChecksum(true).setContentSize(true).compress(records);
        }
        byte[] skippable = {0x5A, 0x2A, 0x4D, 0x18, 4, 0, 0, 0, 'k', 'q', 'a', 't'};
        byte[] several = concat(checked, skippable, Zstd.compress(records, 1));
        try (InputStream in = zstd.wrapForInput(ByteBuffer.wrap(several), MAGIC, BufferSupplier.create())) {
            assertThat(kqatStream(in)).isTrue();
            assertThat(in.skip(1000)).isEqualTo(1000);
            byte[] rest = new byte[2 * records.length - 1000];
            new DataInputStream(in).readFully(rest);
            assertThat(rest).isEqualTo(Arrays.copyOfRange(concat(records, records), 1000, 2 * records.length));
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void recordBatchesBuiltAndReadByKafkaRoundTripBesideGzip() {
        long zstdBefore = total(KqatObjectNames.ZSTD_CODEC, "compressBatches");
        long gzipBefore = total(KqatObjectNames.CODEC, "compressBatches");
        for (Compression c : new Compression[] {Compression.zstd().level(7).build(), Compression.gzip().build()}) {
            MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(1 << 20), c, TimestampType.CREATE_TIME, 0L);
            List<String> sent = append(builder, 500);
            assertThat(readRecords(builder.build())).isEqualTo(sent);
        }
        assertThat(total(KqatObjectNames.ZSTD_CODEC, "compressBatches")).as("zstd through kqat").isGreaterThan(zstdBefore);
        assertThat(total(KqatObjectNames.ZSTD_CODEC, "decompressBatches")).isPositive();
        assertThat(total(KqatObjectNames.CODEC, "compressBatches")).as("gzip through kqat, same JVM").isGreaterThan(gzipBefore);
    }

    @Test
    void anAbortedZstdBatchIsNeverCompressed() {
        long before = total(KqatObjectNames.ZSTD_CODEC, "compressBatches");
        MemoryRecordsBuilder aborted = MemoryRecords.builder(ByteBuffer.allocate(1 << 16), Compression.zstd().build(),
                TimestampType.CREATE_TIME, 0L);
        append(aborted, 300);
        aborted.abort();
        assertThat(total(KqatObjectNames.ZSTD_CODEC, "compressBatches")).isEqualTo(before);
    }

    @Test
    void aCorruptBatchIsLeftToKafkasOwnDecoderWhichRejectsItAsStockDoes() {
        long before = KafkaZstdHook.stockFallbacks();
        assertThatThrownBy(() -> Compression.zstd().build().wrapForInput(ByteBuffer.wrap("not zstd".getBytes()), MAGIC,
                BufferSupplier.create()).read()).as("zstd-jni's own error, as stock Kafka gives it")
                .isInstanceOf(IOException.class).hasMessageContaining("Unknown frame descriptor");
        assertThat(KafkaZstdHook.stockFallbacks()).isEqualTo(before + 1);
    }

    @Test
    void whenLibzstdRefusesTheBatchIsStillWrittenAndStockKafkaReadsIt() {
        ScriptedZstdProvider refusing = new ScriptedZstdProvider("refusing", 50, ZstdCodec.MIN_LEVEL, ZstdCodec.MAX_LEVEL, true);
        refusing.backend().compressions().always(Outcome.deviceFault());
        try (ZstdCodec codec = LadderZstdCodecFactory.create(CodecConfig.defaults(), List.of(refusing))) {
            byte[] records = new KafkaLikeEvents(2).fill(300_000);
            byte[] frame = with(codec, () -> write(Compression.zstd().build(), records));
            assertThat(codec.counters().lastResortBatches()).isEqualTo(1);
            assertThat(with(null, () -> read(Compression.zstd().build(), frame))).isEqualTo(records);
        }
    }

    @Test
    void withNoRungForTheLevelOrNoDecoderKafkasOwnZstdServesCounted() {
        ScriptedZstdProvider device = new ScriptedZstdProvider("device-like", 10, 1, 12, false);
        try (ZstdCodec codec = LadderZstdCodecFactory.create(CodecConfig.defaults(), List.of(device))) {
            long before = KafkaZstdHook.stockFallbacks();
            byte[] records = new KafkaLikeEvents(3).fill(100_000);
            with(codec, () -> {
                try (OutputStream out = Compression.zstd().level(19).build().wrapForOutput(new ByteBufferOutputStream(64), MAGIC)) {
                    assertThat(kqatStream(out)).as("level 19: no rung of this ladder").isFalse();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                assertThat(read(Compression.zstd().build(), Zstd.compress(records, 3))).isEqualTo(records);
                return null;
            });
            assertThat(KafkaZstdHook.stockFallbacks()).isEqualTo(before + 2);
        }
        try (ZstdCodec off = ZstdCodec.create(CodecConfig.builder().set(KqatSettings.ZSTD_MODE, "off").build())) {
            assertThat(off.compresses(3)).isFalse();
        }
    }

    @Test
    void theZstdMBeanPublishesItsLadderBesideGzips() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        assertThat(server.getAttribute(KqatObjectNames.zstdCodec(), "Backend")).isEqualTo("libzstd");
        assertThat(server.getAttribute(KqatObjectNames.zstdCodec(), "Routes")).isEqualTo(
                "levels -131072..22: libzstd; decompress: libzstd");
        assertThat((String[]) server.getAttribute(KqatObjectNames.zstdCodec(), "Ladder"))
                .anyMatch(s -> s.startsWith("libzstd: ready (software, libzstd 1.5."));
        assertThat(server.getAttribute(KqatObjectNames.zstdBackend("libzstd"), "Ready")).isEqualTo(true);
        assertThat(server.getAttribute(KqatObjectNames.codec(), "Backend")).as("gzip's bean is still gzip's").isNotNull();
    }

    static List<String> append(MemoryRecordsBuilder builder, int n) {
        KafkaLikeEvents events = new KafkaLikeEvents(n);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String value = new String(events.next(), StandardCharsets.UTF_8);
            sent.add(value);
            builder.append(1000L + i, ("k" + i).getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        }
        return sent;
    }

    static List<String> readRecords(MemoryRecords records) {
        List<String> read = new ArrayList<>();
        for (RecordBatch batch : records.batches()) {
            batch.ensureValid();
            for (Record r : batch) {
                read.add(StandardCharsets.UTF_8.decode(r.value()).toString());
            }
        }
        return read;
    }

    static long total(String bean, String counter) {
        try {
            CompositeData totals = (CompositeData) ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new javax.management.ObjectName(bean), "Totals");
            return (Long) totals.get(counter);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.write(p, 0, p.length);
        }
        return b.toByteArray();
    }
}
