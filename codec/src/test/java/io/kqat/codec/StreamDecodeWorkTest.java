package io.kqat.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.engine.LadderCodecFactory;
import io.kqat.codec.scripted.ScriptedProvider;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A multi-member stream read from an InputStream decodes each member once: whole when its body is in the input
 * window, which the decoder fills with everything the stream has ready. A window filled 64 KiB at a time cut nearly
 * every member of 1 MiB, so each was inflated up to three times (two failed whole attempts, then piece by piece).
 */
class StreamDecodeWorkTest {
    private static final int MEMBERS = 48;
    private static final int MEMBER_BYTES = 1 << 20;

    @Test
    void eachMemberOfAFileLikeStreamIsInflatedOnceWhole() throws Exception {
        byte[] plain = new KafkaLikeEvents(9).fill(MEMBERS * MEMBER_BYTES);
        byte[] gz;
        try (GzipCodec writer = GzipCodec.create(CodecConfig.builder().mode(Mode.JDK).build())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (OutputStream out = writer.outputStream(bytes, MEMBER_BYTES)) {
                out.write(plain);
            }
            gz = bytes.toByteArray();
        }
        ScriptedProvider counting = new ScriptedProvider("counting", 5);
        try (GzipCodec codec = LadderCodecFactory.create(CodecConfig.builder().mode(Mode.SOFTWARE).build(), List.of(counting))) {
            assertThat(codec.decompressBackendName()).isEqualTo("counting");
            byte[] out;
            try (InputStream in = codec.inputStream(new ByteArrayInputStream(gz))) {
                out = in.readAllBytes();
            }
            assertThat(out).isEqualTo(plain);
            int windows = (int) (gz.length / (4L << 20)) + 1;
            assertThat(counting.backend().inflates().calls())
                    .as("whole-member inflate calls for %d members in about %d input windows",
                    MEMBERS, windows).isBetween(MEMBERS, MEMBERS + windows);
        }
    }
}
