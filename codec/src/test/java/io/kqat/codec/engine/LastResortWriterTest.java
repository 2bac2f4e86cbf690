package io.kqat.codec.engine;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.scripted.Outcome;
import io.kqat.codec.scripted.ScriptedProvider;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The last resort at close: the JDK's deflater, and stored blocks when no deflater can be had. */
class LastResortWriterTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_535, 65_536, 300_001})
    void storedMembersAreStandardGzipOfEveryByte(int size) throws IOException {
        byte[] records = new KafkaLikeEvents(size).fill(size);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LastResortWriter.stored(ByteBuffer.wrap(records), out, 6);
        assertThat(Arrays.equals(gunzip(out.toByteArray()), records)).as("gunzip of the stored member").isTrue();
        int blocks = Math.max(1, (size + 65_534) / 65_535);
        assertThat(out.size()).as("header, %d block headers, records, trailer", blocks).isEqualTo(18 + 5 * blocks + size);
    }

    @Test
    void aBatchWhoseRungsAndDeflaterAllFailGoesOutStoredWithEveryRecord() throws IOException {
        ScriptedProvider last = new ScriptedProvider("jdk", 100);
        last.backend().deflates().always(Outcome.oom());
        byte[] records = new KafkaLikeEvents(8).fill(200_000);
        ByteArrayOutputStream kafka = new ByteArrayOutputStream();
        try (GzipCodec codec = LadderCodecFactory.create(CodecConfig.defaults(), List.of(last), level -> {
            throw new OutOfMemoryError("scripted: zlib could not allocate its state");
        })) {
            try (OutputStream out = codec.batchOutputStream(kafka, 6)) {
                out.write(records);
            }
            assertThat(codec.counters().lastResortBatches()).isEqualTo(1);
        }
        assertThat(Arrays.equals(gunzip(kafka.toByteArray()), records)).as("every record in the batch").isTrue();
        assertThat(kafka.size()).as("stored: as large as the records").isGreaterThan(records.length);
    }
}
