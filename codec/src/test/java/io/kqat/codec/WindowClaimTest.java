package io.kqat.codec;

import static io.kqat.testkit.GzipFixtures.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A batch's trailer is a claim from the wire: a 4 KiB batch whose ISIZE says 4 MiB (forged or, as here, true: zeros)
 * must not get a 4 MiB window; it is read through a small one. 64 such batches held open at once (as a consumer holds
 * the batch it is reading) take their windows together; the direct memory they take is measured, exactly, by the JVM's
 * direct buffer pool.
 */
class WindowClaimTest {
    private static final int BATCHES = 64;

    /** 4 MiB of zeros with a little noise: about 4 KiB of gzip whose ISIZE says 4 MiB, truly. */
    private static byte[] bomb(int seed) {
        byte[] data = new byte[4 << 20];
        byte[] noise = new byte[256];
        new SplittableRandom(seed).nextBytes(noise);
        System.arraycopy(noise, 0, data, 0, noise.length);
        return gzip(data);
    }

    @Test
    void aForgedSizeDoesNotBuyABatchAWindowOfThatSize() throws Exception {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            long before = BoundedReadTest.directMemory();
            List<InputStream> open = new ArrayList<>();
            try {
                for (int i = 0; i < BATCHES; i++) {
                    InputStream in = codec.batchInputStream(ByteBuffer.wrap(bomb(i)));
                    assertThat(in.read()).isNotNegative();
                    open.add(in);
                }
                long taken = BoundedReadTest.directMemory() - before;
                assertThat(taken).as("direct memory of %d open 4 KiB batches of 4 MiB each", BATCHES)
                        .isLessThan(BATCHES * (320L << 10));
            } finally {
                for (InputStream in : open) {
                    in.close();
                }
            }
        }
    }
}
