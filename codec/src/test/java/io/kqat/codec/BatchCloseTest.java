package io.kqat.codec;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.engine.LadderCodecFactory;
import io.kqat.codec.scripted.Outcome;
import io.kqat.codec.scripted.ScriptedProvider;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Once records are written into a batch stream, close writes them all as one valid member, or fails as stock would. */
class BatchCloseTest {
    private static final byte[] RECORDS = new KafkaLikeEvents(11).fill(300_000);

    private static byte[] writeBatch(GzipCodec codec, OutputStream target) throws IOException {
        ByteArrayOutputStream kafka = target instanceof ByteArrayOutputStream ? (ByteArrayOutputStream) target : null;
        try (OutputStream out = codec.batchOutputStream(target, 6)) {
            out.write(RECORDS, 0, 1000);
            out.write(RECORDS, 1000, RECORDS.length - 1000);
        }
        return kafka == null ? null : kafka.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"error", "link", "oom", "runtime"})
    void aRungThatThrowsAnythingLeavesTheBatchToTheNextRung(String kind) throws IOException {
        ScriptedProvider faulty = new ScriptedProvider("faulty", 5);
        faulty.backend().deflates().always(Outcome.parse(kind));
        try (GzipCodec codec = LadderCodecFactory.create(CodecConfig.defaults(), List.of(faulty))) {
            assertThat(gunzip(writeBatch(codec, new ByteArrayOutputStream()))).isEqualTo(RECORDS);
            assertThat(faulty.backend().deflates().calls()).isEqualTo(1);
            assertThat(codec.backend("faulty").stats().getErrors()).isEqualTo(1);
            assertThat(codec.backend("jdk").stats().getCompressBatches()).isEqualTo(1);
            assertThat(codec.counters().lastResortBatches()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"error", "link", "oom", "runtime"})
    void whenTheLastRungFailsTooTheBatchGoesOutThroughTheJdksDeflater(String kind) throws IOException {
        ScriptedProvider lastRung = new ScriptedProvider("jdk", 100);
        lastRung.backend().deflates().always(Outcome.parse(kind));
        try (GzipCodec codec = LadderCodecFactory.create(CodecConfig.defaults(), List.of(lastRung))) {
            assertThat(gunzip(writeBatch(codec, new ByteArrayOutputStream()))).isEqualTo(RECORDS);
            assertThat(codec.counters().lastResortBatches()).isEqualTo(1);
        }
    }

    @Test
    void whenEvenThatFailsCloseThrowsAnIoExceptionAsStockGzipWould() {
        ScriptedProvider lastRung = new ScriptedProvider("jdk", 100);
        lastRung.backend().deflates().always(Outcome.runtime());
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) {
                throw new IllegalStateException("the target's buffer cannot grow");
            }
        };
        try (GzipCodec codec = LadderCodecFactory.create(CodecConfig.defaults(), List.of(lastRung))) {
            assertThatThrownBy(() -> writeBatch(codec, broken)).isInstanceOf(IOException.class)
                    .hasMessageContaining("could not compress");
        }
    }

    @Test
    void aDiscardedBatchIsNeverCompressedAndWritesNothing() throws IOException {
        ScriptedProvider counting = new ScriptedProvider("counting", 5);
        try (GzipCodec codec = LadderCodecFactory.create(CodecConfig.defaults(), List.of(counting))) {
            ByteArrayOutputStream kafka = new ByteArrayOutputStream();
            OutputStream out = codec.batchOutputStream(kafka, 6);
            out.write(RECORDS);
            assertThat(GzipCodec.discard(out)).isTrue();
            out.close();
            assertThat(kafka.size()).isZero();
            assertThat(counting.backend().deflates().calls()).isZero();
            assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
            assertThat(GzipCodec.discard(new ByteArrayOutputStream())).isFalse();
        }
    }

    @Test
    void aBatchThatOutgrowsItsMemoryIsMovedOnceAndTheMoveIsCounted() throws IOException {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            byte[] gz = writeBatch(codec, new ByteArrayOutputStream());
            assertThat(gunzip(gz)).isEqualTo(RECORDS);
            // The first write fills the 128 KiB first lease; the second asks for the rest, so the batch moves once.
            assertThat(codec.counters().batchBytesMoved()).isEqualTo(128L << 10);
        }
    }
}
