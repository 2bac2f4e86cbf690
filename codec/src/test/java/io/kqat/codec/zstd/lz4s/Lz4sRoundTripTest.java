package io.kqat.codec.zstd.lz4s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.zstd.libzstd.LibzstdProvider;
import io.kqat.codec.zstd.libzstd.SequenceCompressor;
import io.kqat.codec.zstd.spi.Sequences;
import io.kqat.codec.zstd.spi.ZstdBackend;
import io.kqat.codec.zstd.spi.ZstdDecodeStream;
import io.kqat.samples.KafkaLikeEvents;
import io.kqat.testkit.lz4s.GreedyLz4s;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LZ4s from a greedy Java encoder (every rule of the format in its output) through the converter and
 * {@code ZSTD_compressSequences} into standard frames that zstd-jni (Kafka's zstd) and libzstd's decoder read back.
 */
class Lz4sRoundTripTest {
    private static final int WINDOW = 32 << 10;
    private static ZstdBackend libzstd;
    private static SequenceCompressor compressor;

    @BeforeAll
    static void open() {
        libzstd = new LibzstdProvider().probe(CodecConfig.defaults()).backend();
        compressor = SequenceCompressor.create();
        assertThat(compressor).as(SequenceCompressor.unavailable()).isNotNull();
    }

    @AfterAll
    static void close() {
        compressor.close();
        libzstd.close();
    }

    static byte[] frame(byte[] data, byte[] lz4s, int minMatch, int level) {
        Sequences seqs = new Sequences(data.length);
        new Lz4sConverter(minMatch, WINDOW).convert(ByteBuffer.allocateDirect(lz4s.length).put(lz4s).flip(), data.length, seqs);
        assertThat(SequenceReplay.replay(seqs, data, WINDOW)).isEqualTo(data);
        ByteBuffer dst = ByteBuffer.allocateDirect(libzstd.frameBound(data.length));
        compressor.compress(ByteBuffer.allocateDirect(data.length).put(data).flip(), seqs, dst, level);
        byte[] frame = new byte[dst.flip().remaining()];
        dst.get(frame);
        return frame;
    }

    static byte[] libzstdDecode(byte[] frame, int expected) {
        ByteBuffer in = ByteBuffer.allocateDirect(frame.length).put(frame).flip();
        ByteBuffer out = ByteBuffer.allocateDirect(expected + 1);
        try (ZstdDecodeStream d = libzstd.newDecodeStream()) {
            assertThat(d.decode(in, out)).isTrue();
        }
        byte[] got = new byte[out.flip().remaining()];
        out.get(got);
        return got;
    }

    @ParameterizedTest(name = "{0} bytes, min match {1}, level {2}, no-match tokens {3}")
    @CsvSource({"0,3,3,false", "1,3,3,false", "100,3,3,true", "65536,3,3,true", "131072,3,1,false", "131073,3,3,true",
            "300000,3,3,true", "1048576,3,3,true", "1048576,4,3,false", "500000,4,12,true", "200000,3,19,true",
            "200000,3,-5,false"})
    void greedyLz4sBecomesAFrameKafkasZstdReads(int size, int minMatch, int level, boolean noMatches) {
        byte[] data = new KafkaLikeEvents(size).fill(size);
        byte[] lz4s = new GreedyLz4s(minMatch, WINDOW, noMatches ? new Random(size) : null).encode(data);
        byte[] frame = frame(data, lz4s, minMatch, level);
        assertThat(Zstd.getFrameContentSize(frame)).isEqualTo(size);
        assertThat(Zstd.decompress(frame, size)).isEqualTo(data);
        assertThat(libzstdDecode(frame, size)).isEqualTo(data);
        if (size > 100_000) {
            assertThat(frame.length).as("entropy coding compresses the LZ4s").isLessThan(lz4s.length);
        }
    }

    @Test
    void incompressibleRunsAndLongMatchesToo() {
        byte[] random = new byte[400_000];
        new Random(7).nextBytes(random);
        byte[] mixed = new byte[1 << 20];
        System.arraycopy(random, 0, mixed, 300_000, 100_000);
        for (byte[] data : new byte[][] {random, mixed, new byte[3 << 20]}) {
            byte[] frame = frame(data, new GreedyLz4s(3, WINDOW, new Random(1)).encode(data), 3, 3);
            assertThat(Zstd.decompress(frame, data.length)).isEqualTo(data);
        }
    }

    @Test
    void libzstdsOwnValidationCatchesSomeBadParsesNotAll() {
        byte[] data = new byte[1000];
        java.util.Arrays.fill(data, 10, 1000, (byte) 'x');
        ByteBuffer dst = ByteBuffer.allocateDirect(libzstd.frameBound(data.length));
        Sequences beyondTheMatchsEnd = new Sequences(data.length);
        beyondTheMatchsEnd.match(700, 10, 600);
        beyondTheMatchsEnd.delimiter(390);
        assertThatThrownBy(() -> compressor.compress(ByteBuffer.allocateDirect(data.length), beyondTheMatchsEnd, dst, 3))
                .isInstanceOf(BackendException.class).hasMessageContaining("ZSTD_compressSequences");
        Sequences shortOfTheSource = new Sequences(data.length);
        shortOfTheSource.match(1, 10, 100);
        shortOfTheSource.delimiter(10);
        assertThatThrownBy(() -> compressor.compress(ByteBuffer.allocateDirect(data.length), shortOfTheSource,
                dst.clear(), 3)).isInstanceOf(BackendException.class);

        // libzstd 1.5.4 compares an offset with the position after the match, not before it: a long match reaching
        // before the first byte passes its validation and makes a frame no decoder reads. Hence the converter's check.
        Sequences beforeTheStart = new Sequences(data.length);
        beforeTheStart.match(500, 10, 600);
        beforeTheStart.delimiter(390);
        compressor.compress(ByteBuffer.allocateDirect(data.length).put(data).flip(), beforeTheStart, dst.clear(), 3);
        byte[] frame = new byte[dst.flip().remaining()];
        dst.get(frame);
        assertThatThrownBy(() -> Zstd.decompress(frame, data.length)).isInstanceOf(RuntimeException.class);
    }
}
