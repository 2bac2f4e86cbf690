package io.kqat.codec;

import static io.kqat.testkit.GzipFixtures.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.engine.LadderCodecFactory;
import io.kqat.codec.scripted.Outcome;
import io.kqat.codec.scripted.ScriptedProvider;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The piece-by-piece inflater goes through the ladder like any other request: a rung that fails in the middle of a
 * member has that member redone from its first byte on the next rung of the decompression route (the bytes already
 * handed on are produced again, checked and dropped) and its breaker counts the fault ({@code LadderInflateStreamTest}
 * has the breaker's rules).
 */
class StreamingFallbackTest {
    /** More than the 4 MiB a batch is inflated whole into, so it is read through a window, piece by piece. */
    private static byte[] records;
    private static byte[] member;

    @BeforeAll
    static void data() {
        records = new KafkaLikeEvents(23).fill(6 << 20);
        member = gzip(records);
    }

    private static ScriptedProvider streamingRung() {
        ScriptedProvider first = new ScriptedProvider("first", 5);
        first.backend().streaming();
        return first;
    }

    private static byte[] readBatch(GzipCodec codec, byte[] gz) throws IOException {
        try (InputStream in = codec.batchInputStream(ByteBuffer.wrap(gz))) {
            return readAll(in);
        }
    }

    /** Everything {@code in} gives; a failure names how far it got. */
    private static byte[] readAll(InputStream in) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] piece = new byte[64 << 10];
        try {
            int n;
            while ((n = in.read(piece)) > 0) {
                out.write(piece, 0, n);
            }
        } catch (IOException e) {
            throw new AssertionError(e + " after " + out.size() + " of " + records.length + " bytes", e);
        }
        return out.toByteArray();
    }

    private static void assertRecords(byte[] read, byte[] expected) {
        assertThat(read.length).as("bytes read").isEqualTo(expected.length);
        assertThat(Arrays.mismatch(read, expected)).as("first byte that differs").isEqualTo(-1);
    }

    @Test
    void aFaultInTheMiddleOfABatchRedoesItsMemberOnTheNextRung() throws IOException {
        ScriptedProvider first = streamingRung();
        first.backend().pieces().then(3, Outcome.SUCCEED).then(Outcome.deviceFault());
        try (GzipCodec codec = LadderCodecFactory.create(CodecConfig.defaults(), List.of(first))) {
            assertRecords(readBatch(codec, member), records);
            assertThat(first.backend().pieces().calls()).as("pieces on the first rung").isEqualTo(4);
            assertThat(codec.backend("first").stats().getErrors()).isEqualTo(1);
            assertThat(codec.backend("first").stats().getFallbacks()).isEqualTo(1);
            assertThat(codec.backend("jdk").stats().getDecompressBatches()).as("members the JDK finished").isEqualTo(1);
        }
    }

    @Test
    void aRungThatThrowsAnythingMidStreamIsLeftForTheNextOnAStreamToo() throws IOException {
        for (String kind : List.of("runtime", "error", "link", "oom", "decline")) {
            ScriptedProvider first = streamingRung();
            first.backend().pieces().then(Outcome.SUCCEED).then(Outcome.parse(kind));
            try (GzipCodec codec = LadderCodecFactory.create(CodecConfig.defaults(), List.of(first));
                 InputStream in = codec.inputStream(new ByteArrayInputStream(member), Long.MAX_VALUE)) {
                assertRecords(readAll(in), records);
            }
            assertThat(first.backend().pieces().calls()).as(kind + ": pieces on the first rung").isEqualTo(2);
        }
    }

    @Test
    void aStreamedMemberLargerThanTheInputWindowCannotBeRedoneAndSaysSo() {
        byte[] noise = new byte[6 << 20];
        new java.util.SplittableRandom(5).nextBytes(noise);
        byte[] big = gzip(noise); // about 6 MiB compressed: more than the 4 MiB input window
        ScriptedProvider first = streamingRung();
        first.backend().pieces().then(Outcome.SUCCEED).then(Outcome.deviceFault());
        try (GzipCodec codec = LadderCodecFactory.create(CodecConfig.defaults(), List.of(first));
             InputStream in = codec.inputStream(new ByteArrayInputStream(big), Long.MAX_VALUE)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining("start has left the input window")
                    .hasRootCauseMessage("scripted device fault");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void corruptDataIsTheInputsFaultAndIsNotRedone() {
        ScriptedProvider first = streamingRung();
        byte[] corrupt = member.clone();
        corrupt[corrupt.length / 2] ^= 0x55;
        try (GzipCodec codec = LadderCodecFactory.create(CodecConfig.defaults(), List.of(first))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                try (InputStream in = codec.batchInputStream(ByteBuffer.wrap(corrupt))) {
                    in.readAllBytes();
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("CRC32");
            assertThat(codec.backend("first").stats().getErrors()).isZero();
            assertThat(codec.backend("jdk").stats().getDecompressBatches()).isZero();
        }
    }
}
