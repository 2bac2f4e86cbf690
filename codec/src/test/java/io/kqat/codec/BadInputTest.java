package io.kqat.codec;

import static io.kqat.testkit.GzipFixtures.concat;
import static io.kqat.testkit.GzipFixtures.zerosMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.samples.KafkaLikeEvents;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Corrupt, truncated and oversized input, through each backend that inflates: a clear exception, never a crash, a
 * hang or a silently wrong result; and the output bound holds before memory is spent.
 */
class BadInputTest {
    private static final byte[] DATA = new KafkaLikeEvents(5).fill(20_000);

    private static GzipCodec reader(String backend, long maxOutput) {
        return GzipCodec.create(CodecConfig.builder().backend(backend).maxDecompressedBytes(maxOutput).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"libdeflate", "jdk"})
    void everyTruncationIsRejected(String backend) {
        try (GzipCodec codec = reader(backend, 1 << 20)) {
            byte[] gz = codec.compress(DATA);
            for (int len = 0; len < gz.length; len++) {
                byte[] cut = Arrays.copyOf(gz, len);
                int l = len;
                assertThatThrownBy(() -> codec.decompress(cut)).as("prefix of %d bytes", l)
                        .isInstanceOf(CorruptGzipException.class).hasMessageNotContaining("null");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"libdeflate", "jdk"})
    void bitFlipsAreRejectedOrCaughtByTheCrc(String backend) {
        try (GzipCodec codec = reader(backend, 1 << 20)) {
            byte[] gz = codec.compress(DATA);
            SplittableRandom random = new SplittableRandom(1234);
            for (int trial = 0; trial < 300; trial++) {
                byte[] bad = gz.clone();
                int at = random.nextInt(bad.length);
                bad[at] ^= (byte) (1 << random.nextInt(8));
                try {
                    byte[] out = codec.decompress(bad);
                    // Only a flip nothing depends on (MTIME, XFL, OS, the final byte's padding bits) may decode, and
                    // then to exactly the original: the CRC and ISIZE checks make anything else an error.
                    assertThat(out).as("flip at %d of %d decoded", at, bad.length).isEqualTo(DATA);
                } catch (CorruptGzipException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"libdeflate", "jdk"})
    void badTrailerAndTrailingGarbageAreRejected(String backend) {
        try (GzipCodec codec = reader(backend, 1 << 20)) {
            byte[] gz = codec.compress(DATA);
            byte[] badCrc = gz.clone();
            badCrc[gz.length - 8] ^= 1;
            assertThatThrownBy(() -> codec.decompress(badCrc)).isInstanceOf(CorruptGzipException.class).hasMessageContaining("CRC");
            byte[] badSize = gz.clone();
            badSize[gz.length - 4] ^= 1;
            assertThatThrownBy(() -> codec.decompress(badSize)).isInstanceOf(CorruptGzipException.class);
            byte[] trailing = Arrays.copyOf(gz, gz.length + 5);
            trailing[gz.length + 2] = 'x';
            assertThatThrownBy(() -> codec.decompress(trailing)).isInstanceOf(CorruptGzipException.class);
            byte[] zeroPadded = Arrays.copyOf(gz, gz.length + 512);
            assertThat(codec.decompress(zeroPadded)).as("zero padding after the last member, as gzip accepts")
                    .isEqualTo(DATA);
            assertThatThrownBy(() -> codec.decompress("not gzip".getBytes())).isInstanceOf(CorruptGzipException.class);
            byte[] random = new byte[5000];
            new SplittableRandom(7).nextBytes(random);
            random[0] = 0x1f;
            random[1] = (byte) 0x8b;
            random[2] = 8;
            random[3] = 0;
            assertThatThrownBy(() -> codec.decompress(random)).isInstanceOf(CorruptGzipException.class);
        }
    }

    /**
     * A 1 GiB zero bomb, with its real ISIZE and with a forged one, is refused at the bound: the thread allocates no
     * more than a few times the bound on the way (an exact per-thread counter, not a guess from the heap's size), and
     * the bound holds for several members together.
     */
    @ParameterizedTest
    @ValueSource(strings = {"libdeflate", "jdk"})
    void aGzipBombStopsAtTheBoundWithoutAllocatingItsClaim(String backend) throws Exception {
        byte[] bomb = GigabyteBomb.BYTES;
        byte[] forged = bomb.clone();
        java.nio.ByteBuffer.wrap(forged).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(forged.length - 4, 1000);
        byte[] twoHalves = concat(zerosMember(6L << 20), zerosMember(6L << 20));
        long maxOutput = 8L << 20;
        try (GzipCodec codec = reader(backend, maxOutput)) {
            codec.decompress(codec.compress(DATA)); // warm up, so class loading is not counted
            for (byte[] input : new byte[][] {bomb, forged, twoHalves}) {
                long before = BoundedReadTest.threadAllocated();
                assertThatThrownBy(() -> codec.decompress(input)).isInstanceOf(OutputLimitExceededException.class)
                        .hasMessageContaining(Long.toString(maxOutput));
                assertThat(BoundedReadTest.threadAllocated() - before).as("heap allocated while refusing")
                        .isLessThan(4 * maxOutput);
            }
        }
    }

    /** Made once for every backend's run: a gigabyte of zeros takes seconds to deflate. */
    private static final class GigabyteBomb {
        static final byte[] BYTES = zeros();

        private static byte[] zeros() {
            try {
                return zerosMember(1L << 30);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

}
