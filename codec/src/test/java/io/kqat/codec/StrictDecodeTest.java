package io.kqat.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/**
 * Found by {@code scripts/stress fuzz --seed 1} (input 297172): a dynamic block whose distance code zlib rejects as
 * incomplete ("invalid distances set") while ISA-L decodes it, the data never using a missing code and the CRC
 * matching. {@code decode.strict} keeps such a member from ever being accepted, as a stock broker refuses it.
 */
class StrictDecodeTest {
    @Test
    void strictDecodingRefusesWhatZlibRefuses() throws IOException {
        byte[] member;
        try (var in = StrictDecodeTest.class.getResourceAsStream("/incomplete-distance-code.gz")) {
            member = in.readAllBytes();
        }
        assertThatThrownBy(() -> new GZIPInputStream(new ByteArrayInputStream(member)).readAllBytes())
                .isInstanceOf(ZipException.class).hasMessageContaining("invalid distances set");
        CodecConfig strict = CodecConfig.builder().mode(Mode.SOFTWARE).strictDecode(true).build();
        try (GzipCodec codec = GzipCodec.create(strict)) {
            assertThat(codec.decompressBackendName()).isEqualTo("jdk");
            assertThat(codec.backend("isal").inflates()).isFalse();
            assertThatThrownBy(() -> codec.decompress(member)).isInstanceOf(CorruptGzipException.class);
            assertThatThrownBy(() -> codec.inputStream(new ByteArrayInputStream(member)).readAllBytes())
                    .hasCauseInstanceOf(CorruptGzipException.class);
        }
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            assertThat(codec.decompressBackendName()).as("ISA-L decodes by default").isEqualTo("isal");
        }
    }
}
