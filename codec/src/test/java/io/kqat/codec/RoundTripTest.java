package io.kqat.codec;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.samples.KafkaLikeEvents;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trips through each software backend at each level it serves, over sizes from 0 bytes up, on realistic and
 * random data, from heap, direct and sliced buffers; the JDK's GZIPInputStream must read every output too. Seeds are
 * fixed and printed on failure.
 */
class RoundTripTest {
    private static final int[] SIZES = {0, 1, 2, 100, 1000, 16 << 10, (64 << 10) + 3, 1 << 20};

    @ParameterizedTest(name = "{0} level {1}")
    @MethodSource("io.kqat.codec.SoftwareBackends#backendLevels")
    void everySizeRoundTrips(String backend, int level) throws IOException {
        try (GzipCodec codec = SoftwareBackends.pinned(backend, level)) {
            for (int size : SIZES) {
                long seed = size * 31L + level;
                byte[] realistic = new KafkaLikeEvents(seed).fill(size);
                byte[] random = new byte[size];
                new SplittableRandom(seed).nextBytes(random);
                for (byte[] data : new byte[][] {realistic, random}) {
                    String what = backend + " level " + level + " size " + size + " seed " + seed;
                    byte[] gz = codec.compress(data);
                    assertThat(codec.decompress(gz)).as(what).isEqualTo(data);
                    assertThat(gunzip(gz)).as(what + " read by GZIPInputStream").isEqualTo(data);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void sixteenMebibytesRoundTrip(String backend) {
        int level = backend.equals("isal") ? 1 : 6;
        byte[] data = new KafkaLikeEvents(16).fill(16 << 20);
        try (GzipCodec codec = SoftwareBackends.pinned(backend, level)) {
            byte[] gz = codec.compress(data);
            assertThat(gz.length).isLessThan(data.length / 4);
            assertThat(codec.decompress(gz)).isEqualTo(data);
        }
    }

    static String[] names() {
        return SoftwareBackends.NAMES.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void heapDirectAndSlicedBuffersGiveTheSameData(String backend) {
        int level = backend.equals("isal") ? 2 : 5;
        byte[] data = new KafkaLikeEvents(3).fill(200_000);
        try (GzipCodec codec = SoftwareBackends.pinned(backend, level)) {
            // A slice in the middle of a larger array, with offsets on both buffers.
            byte[] framed = new byte[data.length + 300];
            System.arraycopy(data, 0, framed, 100, data.length);
            ByteBuffer heapSrc = ByteBuffer.wrap(framed, 100, data.length);
            ByteBuffer directSrc = ByteBuffer.allocateDirect(data.length + 50).position(50);
            directSrc.put(data).position(50);

            for (ByteBuffer src : new ByteBuffer[] {heapSrc, directSrc}) {
                ByteBuffer dst = src.isDirect()
                        ? ByteBuffer.allocateDirect(codec.maxCompressedLength(data.length) + 17).position(17)
                        : ByteBuffer.allocate(codec.maxCompressedLength(data.length) + 17).position(17);
                int start = src.position();
                int n = codec.compress(src, dst, level);
                assertThat(src.position()).isEqualTo(start + data.length);
                assertThat(dst.position()).isEqualTo(17 + n);
                ByteBuffer member = dst.flip().position(17);
                ByteBuffer back = codec.decompress(member);
                byte[] out = new byte[back.remaining()];
                back.get(out);
                assertThat(out).isEqualTo(data);
            }
            byte[] gz = codec.compress(framed, 100, data.length);
            assertThat(codec.decompress(gz)).isEqualTo(data);
        }
    }

    @Test
    void concurrentCallersShareOneBackendSafely() throws Exception {
        try (GzipCodec codec = SoftwareBackends.pinned("libdeflate", 6)) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
                for (int t = 0; t < 64; t++) {
                    int seed = t;
                    futures.add(pool.submit(() -> {
                        byte[] data = new KafkaLikeEvents(seed).fill(10_000 + seed * 997);
                        return java.util.Arrays.equals(codec.decompress(codec.compress(data)), data);
                    }));
                }
                for (var f : futures) {
                    assertThat(f.get()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

}
