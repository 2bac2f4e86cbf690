package io.kqat.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.Mode;
import io.kqat.codec.backend.libdeflate.LibDeflateProvider;
import io.kqat.codec.engine.LadderCodecFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found by {@code scripts/stress fuzz --inputs 1000000 --seed 1} (22 inputs of 1,000,000): libdeflate decodes deflate
 * data that zlib, {@code gzip -d} and GZIPInputStream reject (literal/length symbols 286-287, distance codes 30-31),
 * by design, and the CRC still matches. A broker decoding with it would accept a batch stock consumers cannot read,
 * so the ladder decompresses with libdeflate only when it is chosen by name. Here the ladder has libdeflate and the
 * JDK only (no ISA-L, as on a host without libisal2), which is where it used to decode every batch.
 */
class LibdeflateLeniencyTest {
    @ParameterizedTest
    @ValueSource(strings = {
        // 25 bytes: a literal/length code zlib rejects; libdeflate decodes 332 bytes with a matching CRC
        "1f8b08000000000000ff63601807d40200b5c8140b4c010000",
        // 111 bytes: a distance code zlib rejects after 32768 bytes; libdeflate decodes 72602 zeros
        "1f8b08000000000004ffedc0210100000cc3b0fa577d3809274900000000000000000000000000000000000000000000000000000000"
            + "000000000000000000000000008000000000000000000000000000000000000800020000000000000000cccccccccc5407b77734"
            + "f39a1b0100"})
    void aLadderWithLibdeflateRejectsWhatZlibRejects(String hex) {
        byte[] input = HexFormat.of().parseHex(hex);
        assertThatThrownBy(() -> new GZIPInputStream(new ByteArrayInputStream(input)).readAllBytes())
                .as("zlib rejects it").isInstanceOf(ZipException.class);
        CodecConfig config = CodecConfig.builder().mode(Mode.SOFTWARE).build();
        try (GzipCodec codec = LadderCodecFactory.create(config, List.of(new LibDeflateProvider()))) {
            assertThat(codec.backendName()).as("libdeflate still compresses").isEqualTo("libdeflate");
            assertThatThrownBy(() -> codec.decompress(input)).isInstanceOf(CorruptGzipException.class);
            assertThatThrownBy(() -> codec.inputStream(new ByteArrayInputStream(input)).readAllBytes())
                    .isInstanceOf(IOException.class).hasCauseInstanceOf(CorruptGzipException.class);
        }
    }
}
