package io.kqat.codec.backend.isal;

import static io.kqat.testkit.GzipFixtures.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.gzip.GzipStreamDecoder;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A member whose trailer's CRC32 disagrees with its body, read through the default ladder: ISA-L computes the CRC32 of
 * what it wrote in software, so a disagreement is the data's fault, reported as corrupt after one inflate, as stock
 * gzip reports it. Not a decline: the JDK rung would inflate the member a second time only to say the same thing (a
 * device's CRC is another matter: the next rung decides whether the device or the data is wrong,
 * {@code DecompressionInputTest}).
 */
class CrcMismatchWorkTest {
    private interface Path {
        void read(GzipCodec codec, byte[] member) throws Exception;
    }

    private static void oneInflateThenCorrupt(int memberBytes, Path path) throws Exception {
        byte[] member = gzip(new KafkaLikeEvents(9).fill(memberBytes));
        member[member.length - 8] ^= 1; // the trailer's CRC32
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().build())) {
            assertThat(codec.decompressBackendName()).isEqualTo("isal");
            long calls = WholeInflater.CALLS.sum();
            long hostCrc = GzipStreamDecoder.hostCrcBytes();
            assertThatThrownBy(() -> path.read(codec, member))
                    .satisfiesAnyOf(e -> assertThat(e).isInstanceOf(CorruptGzipException.class),
                            e -> assertThat(e.getCause()).isInstanceOf(CorruptGzipException.class))
                    .hasMessageContaining("CRC32");
            assertThat(WholeInflater.CALLS.sum() - calls).as("ISA-L inflate calls").isEqualTo(1);
            assertThat(codec.backend("isal").stats().getFallbacks()).as("requests isal sent on").isZero();
            assertThat(GzipStreamDecoder.hostCrcBytes() - hostCrc).as("bytes CRC'd again on the host (the JDK's redo)")
                    .isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 64 << 10, 1 << 20})
    void theFacade(int memberBytes) throws Exception {
        oneInflateThenCorrupt(memberBytes, (codec, member) -> codec.decompress(ByteBuffer.wrap(member)));
    }

    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 64 << 10, 1 << 20})
    void aKafkaBatch(int memberBytes) throws Exception {
        oneInflateThenCorrupt(memberBytes, (codec, member) -> {
            try (InputStream in = codec.batchInputStream(ByteBuffer.wrap(member))) {
                in.readAllBytes();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {16 << 10, 64 << 10, 1 << 20})
    void aStream(int memberBytes) throws Exception {
        oneInflateThenCorrupt(memberBytes, (codec, member) -> {
            try (InputStream in = codec.inputStream(new ByteArrayInputStream(member))) {
                in.readAllBytes();
            }
        });
    }
}
