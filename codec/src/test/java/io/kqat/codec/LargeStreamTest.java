package io.kqat.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/** Streams past the one-shot size: every member is read, even from a source that trickles like a pipe. */
class LargeStreamTest {

    /** Hands out at most 1000 bytes per read and claims nothing is available, as a pipe between writes does. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;

        Trickle(byte[] data) {
            this.in = new ByteArrayInputStream(data);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, 1000));
        }

        @Override
        public int available() {
            return 0;
        }
    }

    @Test
    void everyMemberOfAStreamOverTheOneShotSizeIsRead() throws IOException {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().build())) {
            // Random-ish data so the compressed stream exceeds the one-shot size and takes the streaming path.
            byte[] data = new byte[40 << 20];
            new java.util.SplittableRandom(9).nextBytes(data);
            byte[] text = new KafkaLikeEvents(2).fill(1 << 20);
            System.arraycopy(text, 0, data, data.length - text.length, text.length);
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (OutputStream out = codec.outputStream(gz, 1 << 20)) {
                out.write(data);
            }
            try (InputStream in = codec.inputStream(new Trickle(gz.toByteArray()))) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
        }
    }
}
