package io.kqat.codec.backend.isal;

import static io.kqat.codec.backend.isal.Windows.deflate;
import static io.kqat.codec.backend.isal.Windows.drive;
import static io.kqat.codec.backend.isal.Windows.fixed;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.backend.isal.Windows.Outcome;
import io.kqat.codec.spi.Backend;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Byte for byte what {@link java.util.zip.Inflater} makes of the same stream: random and JSON, levels 0-9, 0 to 16 MiB. */
class IsalInflateEquivalenceTest {
    private static final int[] SIZES = {0, 1, 1_000, 32_768, 32_769, 65_537, 1 << 20, 16 << 20};

    @BeforeAll
    static void library() {
        IsalLibrary.requireLoaded();
    }

    static Stream<Arguments> cases() {
        return Stream.of("json", "random").flatMap(kind -> IntStream.rangeClosed(0, 9)
                .mapToObj(level -> Arguments.of(kind, level)));
    }

    @ParameterizedTest(name = "{0}, level {1}")
    @MethodSource("cases")
    void decodesWhatZlibDecodes(String kind, int level) {
        SplittableRandom random = new SplittableRandom(level);
        for (int size : SIZES) {
            byte[] plain = data(kind, size, level);
            byte[] deflated = deflate(plain, level);
            Zlib.Decoded zlib = Zlib.inflate(deflated);
            try (IsalInflateStream stream = new IsalInflateStream()) {
                Outcome o = drive(stream, deflated, fixed(65_536), fixed(1 << 20));
                assertThat(o.finished()).as("%d bytes", size).isTrue();
                assertThat(o.inputUsed()).as("%d bytes", size).isEqualTo(zlib.streamLength());
                assertThat(o.output()).as("%d bytes", size).isEqualTo(zlib.output());
                if (size <= 1 << 20) {
                    stream.reset();
                    Outcome r = drive(stream, deflated, () -> 1 + random.nextInt(70_000), () -> 1 + random.nextInt(300_000));
                    assertThat(r.output()).as("%d bytes, random windows", size).isEqualTo(plain);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}, igzip level {1}")
    @MethodSource("isalLevels")
    void decodesWhatIgzipWrites(String kind, int level) {
        byte[] plain = data(kind, 4 << 20, level);
        try (IsalBackend backend = new IsalBackend(true); IsalInflateStream stream = new IsalInflateStream()) {
            ByteBuffer src = ByteBuffer.allocateDirect(plain.length).put(plain).flip();
            ByteBuffer dst = ByteBuffer.allocateDirect(backend.deflateBound(plain.length));
            Backend.Deflated d = backend.deflate(src, dst, level);
            byte[] deflated = new byte[d.produced()];
            dst.flip().get(deflated);
            Outcome o = drive(stream, deflated, fixed(65_536), fixed(65_536));
            assertThat(o.finished()).isTrue();
            assertThat(o.inputUsed()).isEqualTo(deflated.length);
            assertThat(o.output()).isEqualTo(plain);
        }
    }

    static Stream<Arguments> isalLevels() {
        return Stream.of("json", "random").flatMap(kind -> Stream.of(Arguments.of(kind, 1), Arguments.of(kind, 2)));
    }

    private static byte[] data(String kind, int size, int seed) {
        return kind.equals("json") ? new KafkaLikeEvents(seed).fill(size) : Windows.random(seed, size);
    }
}
