package io.kqat.codec.backend.isal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.spi.Backend.Inflated;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ISA-L inflating a whole member in one call: exact fit, too little room, truncation, and what it leaves after. */
class WholeInflaterTest {
    private final byte[] plain = new KafkaLikeEvents(4).fill(300_000);
    private final byte[] deflated = Windows.deflate(plain, 6);
    private final WholeInflater inflater = new WholeInflater();

    @AfterEach
    void close() {
        inflater.close();
    }

    @Test
    void anOutputThatFitsExactlyIsComplete() {
        ByteBuffer src = direct(deflated, 3);
        ByteBuffer dst = ByteBuffer.allocateDirect(plain.length);
        Inflated r = inflater.inflate(src, dst);
        assertThat(r.complete()).isTrue();
        assertThat(r.produced()).isEqualTo(plain.length);
        assertThat(r.consumed()).isEqualTo(deflated.length);
        assertThat(src.remaining()).as("the bytes after the stream stay").isEqualTo(3);
        assertThat(bytes(dst.flip())).isEqualTo(plain);
    }

    @Test
    void oneByteTooLittleRoomIsOutputTooSmallAndLeavesPositions() {
        ByteBuffer src = direct(deflated, 0);
        ByteBuffer dst = ByteBuffer.allocateDirect(plain.length - 1);
        assertThat(inflater.inflate(src, dst).complete()).isFalse();
        assertThat(src.position()).isZero();
        assertThat(dst.position()).isZero();
        assertThat(inflater.inflate(src, ByteBuffer.allocateDirect(plain.length)).complete())
                .as("the next call starts afresh").isTrue();
    }

    @Test
    void aTruncatedStreamIsCorrupt() {
        ByteBuffer src = direct(Arrays.copyOf(deflated, deflated.length - 10), 0);
        assertThatThrownBy(() -> inflater.inflate(src, ByteBuffer.allocateDirect(plain.length + 100)))
                .isInstanceOf(CorruptGzipException.class);
    }

    @Test
    void invalidSymbolsZlibRejectsAreRejected() {
        // a fixed-Huffman block using literal/length symbol 286, which libdeflate decodes and zlib rejects
        byte[] body = java.util.HexFormat.of().parseHex("63601807d40200");
        assertThatThrownBy(() -> inflater.inflate(direct(body, 0), ByteBuffer.allocateDirect(4096)))
                .isInstanceOf(CorruptGzipException.class);
    }

    private static ByteBuffer direct(byte[] data, int trailing) {
        ByteBuffer b = ByteBuffer.allocateDirect(data.length + trailing);
        b.put(data).put(new byte[trailing]).flip();
        return b;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
