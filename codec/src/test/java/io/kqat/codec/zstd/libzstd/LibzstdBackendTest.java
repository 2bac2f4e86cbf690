package io.kqat.codec.zstd.libzstd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.CorruptZstdException;
import io.kqat.codec.zstd.spi.ZstdDecodeStream;
import io.kqat.codec.zstd.spi.ZstdProbe;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The libzstd rung against the system library, and against zstd-jni (Kafka's own zstd) both ways. */
class LibzstdBackendTest {
    private static LibzstdBackend backend;

    @BeforeAll
    static void probe() {
        ZstdProbe probe = new LibzstdProvider().probe(CodecConfig.defaults());
        assertThat(probe.reason()).as("Debian 12 has libzstd1 1.5.4").isNull();
        backend = (LibzstdBackend) probe.backend();
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void theSystemLibraryIsBoundWithItsSequenceApi() {
        assertThat(ZstdNative.ZSTD_versionNumber()).isGreaterThanOrEqualTo(10504);
        assertThat(backend.detail().summary()).contains("libzstd 1.5.", "sequence API").doesNotContain("no sequence");
        assertThat(backend.sequenceFailure()).isNull();
        assertThat(backend.capabilities().minLevel()).isEqualTo(-131072);
        assertThat(backend.capabilities().maxLevel()).isEqualTo(22);
        assertThat(backend.capabilities().compresses(0)).as("0 means the default: mapped before the ladder").isFalse();
    }

    @Test
    void theBoundIsLibzstdsOwn() {
        for (int n : new int[] {0, 1, 255, 256, 4095, 65536, 131071, 131072, 131073, 1 << 20, 100_000_007}) {
            assertThat((long) backend.frameBound(n)).as("n=%d", n).isEqualTo(ZstdNative.ZSTD_compressBound(n));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-131072, -5, 1, 3, 9, 12, 19, 22})
    void framesAtEveryKindOfLevelAreReadByZstdJni(int level) throws IOException {
        byte[] data = new KafkaLikeEvents(level & 0xFF).fill(level >= 19 ? 100_000 : 400_000);
        byte[] frame = compress(data, level);
        assertThat(Zstd.getFrameContentSize(frame)).as("content size written, as ZSTD_compress2 does").isEqualTo(data.length);
        try (ZstdInputStream in = new ZstdInputStream(new ByteArrayInputStream(frame))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        assertThat(decode(frame, 4096, 1000)).isEqualTo(data);
    }

    @Test
    void higherLevelsCompressSmaller() {
        byte[] data = new KafkaLikeEvents(3).fill(300_000);
        assertThat(compress(data, 19).length).isLessThan(compress(data, 3).length);
        assertThat(compress(data, 3).length).isLessThan(compress(data, -5).length);
    }

    @Test
    void zstdJniFramesOfEveryShapeDecode() throws IOException {
        byte[] data = new KafkaLikeEvents(8).fill(300_000);
        byte[] plain = Zstd.compress(data, 3);
        byte[] checked;
        try (com.github.luben.zstd.ZstdCompressCtx ctx = new com.github.luben.zstd.ZstdCompressCtx()) {
            ctx.setLevel(7).setChecksum(true).setContentSize(true);
            checked = ctx.compress(data);
        }
        java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
        try (com.github.luben.zstd.ZstdOutputStream out = new com.github.luben.zstd.ZstdOutputStream(streamed, 3)) {
            for (int i = 0; i < data.length; i += 16384) {
                out.write(data, i, Math.min(16384, data.length - i));
            }
        }
        byte[] skippable = {0x5E, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 'k', 'q', 't'};
        byte[] all = concat(checked, skippable, plain, streamed.toByteArray());
        byte[] expected = concat(data, data, data);
        assertThat(decode(all, 7, 61)).isEqualTo(expected);
        assertThat(decode(all, 1 << 20, 1 << 17)).isEqualTo(expected);
    }

    @Test
    void aCorruptOrForeignFrameIsTheInputsFault() {
        byte[] frame = compress(new KafkaLikeEvents(2).fill(50_000), 3);
        frame[frame.length / 2] ^= 0x55;
        assertThatThrownBy(() -> decode(frame, 4096, 4096)).isInstanceOf(CorruptZstdException.class);
        assertThatThrownBy(() -> decode("not zstd at all".getBytes(), 4096, 4096)).isInstanceOf(CorruptZstdException.class)
                .hasMessageContaining("Unknown frame descriptor");
    }

    @Test
    void framesNeedingMoreThanKafkasWindowAreRefusedAsKafkaRefusesThem() throws IOException {
        byte[] data = new byte[1 << 20];
        java.io.ByteArrayOutputStream big = new java.io.ByteArrayOutputStream();
        try (com.github.luben.zstd.ZstdOutputStream out = new com.github.luben.zstd.ZstdOutputStream(big, 3)) {
            out.setWindowLog(28);
            out.write(data);
        }
        assertThatThrownBy(() -> decode(big.toByteArray(), 4096, 4096)).isInstanceOf(CorruptZstdException.class)
                .hasMessageContaining("Frame requires too much memory");
        assertThatThrownBy(() -> new ZstdInputStream(new ByteArrayInputStream(big.toByteArray())).readAllBytes())
                .as("zstd-jni's default reader, Kafka's").isInstanceOf(IOException.class);
    }

    @Test
    void aDecoderWhoseWindowGrewIsFreedNotKept() throws IOException {
        java.io.ByteArrayOutputStream big = new java.io.ByteArrayOutputStream();
        try (com.github.luben.zstd.ZstdOutputStream out = new com.github.luben.zstd.ZstdOutputStream(big, 3)) {
            out.setWindowLog(24);
            out.write(new KafkaLikeEvents(1).fill(1 << 20));
        }
        LibzstdDecodeStream grown;
        try (ZstdDecodeStream s = backend.newDecodeStream()) {
            grown = (LibzstdDecodeStream) s;
            ByteBuffer in = direct(big.toByteArray());
            ByteBuffer out = ByteBuffer.allocateDirect(1 << 16);
            while (in.hasRemaining()) {
                s.decode(in, out.clear());
            }
            assertThat(grown.footprint()).isGreaterThan(LibzstdBackend.RETAINED_DECODER_BYTES);
        }
        try (ZstdDecodeStream next = backend.newDecodeStream()) {
            assertThat(next).isNotSameAs(grown);
            assertThat(((LibzstdDecodeStream) next).footprint()).isLessThan(LibzstdBackend.RETAINED_DECODER_BYTES);
        }
    }

    @Test
    void aBombInflatesThroughTheSameSmallMemory() throws IOException {
        java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (com.github.luben.zstd.ZstdOutputStream out = new com.github.luben.zstd.ZstdOutputStream(bomb, 3)) {
            for (int i = 0; i < 1024; i++) {
                out.write(zeros);
            }
        }
        assertThat(bomb.size()).as("1 GiB of zeros").isLessThan(100_000);
        try (ZstdDecodeStream s = backend.newDecodeStream()) {
            ByteBuffer in = direct(bomb.toByteArray());
            ByteBuffer out = ByteBuffer.allocateDirect(128 << 10);
            long total = 0;
            boolean complete = false;
            while (in.hasRemaining() || !complete) {
                complete = s.decode(in, out.clear());
                total += out.position();
            }
            assertThat(total).isEqualTo(1L << 30);
            assertThat(((LibzstdDecodeStream) s).footprint()).as("the frame's 2 MiB window and buffers, no more")
                    .isLessThan(4L << 20);
        }
    }

    static byte[] compress(byte[] data, int level) {
        ByteBuffer src = direct(data);
        ByteBuffer dst = ByteBuffer.allocateDirect(backend.frameBound(data.length));
        int n = backend.compress(src, dst, level);
        assertThat(src.hasRemaining()).isFalse();
        assertThat(dst.position()).isEqualTo(n);
        byte[] out = new byte[n];
        dst.flip().get(out);
        return out;
    }

    /** Decodes through windows of the given sizes. */
    static byte[] decode(byte[] frames, int inWindow, int outWindow) {
        java.io.ByteArrayOutputStream result = new java.io.ByteArrayOutputStream();
        ByteBuffer in = direct(frames);
        ByteBuffer out = ByteBuffer.allocateDirect(outWindow);
        try (ZstdDecodeStream s = backend.newDecodeStream()) {
            boolean complete = true;
            int idle = 0;
            while (in.hasRemaining() || !complete) {
                ByteBuffer piece = in.slice().limit(Math.min(inWindow, in.remaining()));
                complete = s.decode(piece, out.clear());
                in.position(in.position() + piece.position());
                byte[] got = new byte[out.flip().remaining()];
                out.get(got);
                result.write(got, 0, got.length);
                idle = piece.position() == 0 && got.length == 0 ? idle + 1 : 0;
                if (idle > 2) {
                    throw new CorruptZstdException("truncated");
                }
            }
        }
        return result.toByteArray();
    }

    static ByteBuffer direct(byte[] b) {
        return ByteBuffer.allocateDirect(b.length).put(b).flip();
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.write(p, 0, p.length);
        }
        return b.toByteArray();
    }
}
