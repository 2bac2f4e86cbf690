package io.kqat.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipCodecJdkTest {
    private final GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.JDK).build());

    @Test
    void roundTripsAndJdkReadsOutput() throws IOException {
        byte[] data = "{\"user\":\"alice\",\"event\":\"click\"}\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        byte[] gz = codec.compress(data);
        assertThat(gz.length).isLessThan(data.length / 10);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes()).isEqualTo(data);
        assertThat(codec.decompress(gz)).isEqualTo(data);
        assertThat(codec.backendName()).isEqualTo("jdk");
    }

    @Test
    void decodesJdkMultiMemberOutput() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        for (String part : new String[] {"first member ", "", "second member"}) {
            try (GZIPOutputStream gz = new GZIPOutputStream(bos) {
                @Override
                public void close() throws IOException {
                    finish();
                }
            }) {
                gz.write(part.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(new String(codec.decompress(bos.toByteArray()), StandardCharsets.UTF_8)).isEqualTo("first member second member");
    }

    @Test
    void boundStopsBomb() {
        byte[] gz = codec.compress(new byte[50 << 20]);
        assertThatThrownBy(() -> codec.decompress(java.nio.ByteBuffer.wrap(gz), 1 << 20))
                .isInstanceOf(OutputLimitExceededException.class);
    }

    @Test
    void truncatedInputIsRejected() {
        byte[] gz = codec.compress("hello hello hello".getBytes(StandardCharsets.UTF_8));
        for (int cut = 0; cut < gz.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(gz, cut);
            assertThatThrownBy(() -> codec.decompress(part)).isInstanceOf(CorruptGzipException.class);
        }
    }
}
