package io.kqat.stress.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * What the generated members hold: empty, tiny, random (incompressible), text-like, runs and zeros, mostly small
 * with a thin tail of larger ones (up to a few MiB, so the windowed decode paths are walked too).
 */
final class Payloads {
    private static final byte[] WORDS = ("{\"seq\":17,\"order_id\":\"ord-3kz\",\"status\":\"shipped\",\"customer\":"
            + "{\"id\":4411,\"tier\":\"gold\"},\"warehouse\":\"fra-1\",\"lines\":[{\"sku\":\"sku-1200\",\"quantity\":2}]}\n")
            .getBytes(StandardCharsets.US_ASCII);

    private Payloads() {
    }

    static byte[] next(SplittableRandom r) {
        int size = size(r);
        byte[] b = new byte[size];
        switch (r.nextInt(6)) {
            case 0: // random bytes: stored or nearly stored blocks
                r.nextBytes(b);
                break;
            case 1: // zeros: the highest ratio deflate has
                break;
            case 2: // runs of a few symbols
                for (int i = 0; i < size; ) {
                    byte v = (byte) r.nextInt(4);
                    int run = 1 + r.nextInt(300);
                    for (int k = 0; k < run && i < size; k++) {
                        b[i++] = v;
                    }
                }
                break;
            default: // text with repetition and small changes, as Kafka records are
                int off = r.nextInt(WORDS.length);
                for (int i = 0; i < size; i++) {
                    b[i] = WORDS[(off + i) % WORDS.length];
                    if (r.nextInt(40) == 0) {
                        b[i] = (byte) ('0' + r.nextInt(10));
                    }
                }
        }
        return b;
    }

    /** Mostly small (structure matters more than size), with a thin tail past the batch path's 4 MiB whole bound. */
    private static int size(SplittableRandom r) {
        int p = r.nextInt(10_000);
        if (p < 300) {
            return 0;
        }
        if (p < 6500) {
            return r.nextInt(512);
        }
        if (p < 9500) {
            return 512 + r.nextInt(8 << 10);
        }
        if (p < 9990) {
            return (8 << 10) + r.nextInt(120 << 10);
        }
        return (128 << 10) + r.nextInt(6 << 20);
    }
}
