package io.kqat.codec;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static io.kqat.testkit.GzipFixtures.gzipMembers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GzipCodecJdkTest {
    private final GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.JDK).build());

    @Test
    void roundTripsAndJdkReadsOutput() throws IOException {
        byte[] data = "{\"user\":\"alice\",\"event\":\"click\"}\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        byte[] gz = codec.compress(data);
        assertThat(gz.length).isLessThan(data.length / 10);
        assertThat(gunzip(gz)).isEqualTo(data);
        assertThat(codec.decompress(gz)).isEqualTo(data);
        assertThat(codec.backendName()).isEqualTo("jdk");
    }

    @Test
    void decodesJdkMultiMemberOutput() throws IOException {
        byte[] gz = gzipMembers("first member ".getBytes(StandardCharsets.UTF_8), new byte[0],
                "second member".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(codec.decompress(gz), StandardCharsets.UTF_8)).isEqualTo("first member second member");
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
