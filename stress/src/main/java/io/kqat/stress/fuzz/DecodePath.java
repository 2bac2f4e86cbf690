package io.kqat.stress.fuzz;

import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * The ways kqat decodes: the facade's whole-buffer call, the stream (fed in uneven pieces, as a socket or a file
 * would), and the Kafka hook's batch read path (heap or direct batch, as Kafka hands it over).
 */
enum DecodePath {
    WHOLE {
        @Override
        Outcome decode(GzipCodec codec, byte[] input, long bound, SplittableRandom r) {
            try {
                ByteBuffer out = bound > 0 ? codec.decompress(ByteBuffer.wrap(input), bound) : codec.decompress(ByteBuffer.wrap(input));
                byte[] b = new byte[out.remaining()];
                out.get(b);
                return Outcome.ok(b);
            } catch (RuntimeException | Error e) {
                return Outcome.failed(new byte[0], e);
            }
        }
    },
    STREAM {
        @Override
        Outcome decode(GzipCodec codec, byte[] input, long bound, SplittableRandom r) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream source = new UnevenInputStream(input, r.nextLong());
            try (InputStream in = bound > 0 ? codec.inputStream(source, bound) : codec.inputStream(source)) {
                drain(in, out, r);
                return Outcome.ok(out.toByteArray());
            } catch (IOException | RuntimeException | Error e) {
                return Outcome.failed(out.toByteArray(), unwrap(e));
            }
        }
    },
    BATCH {
        @Override
        Outcome decode(GzipCodec codec, byte[] input, long bound, SplittableRandom r) {
            ByteBuffer batch = r.nextInt(8) != 0 ? ByteBuffer.wrap(input) : ByteBuffer.allocateDirect(input.length).put(input).flip();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = codec.batchInputStream(batch)) {
                drain(in, out, r);
                return Outcome.ok(out.toByteArray());
            } catch (IOException | RuntimeException | Error e) {
                return Outcome.failed(out.toByteArray(), unwrap(e));
            }
        }
    };

    /** @param bound the caller's bound on the output, or 0 for the codec's own (the batch path has none) */
    abstract Outcome decode(GzipCodec codec, byte[] input, long bound, SplittableRandom r);

    /** Reads in pieces of varying size, sometimes byte by byte, as Kafka's record reader does. */
    private static void drain(InputStream in, ByteArrayOutputStream out, SplittableRandom r) throws IOException {
        byte[] buf = new byte[1 + r.nextInt(16384)];
        while (true) {
            if (r.nextInt(64) == 0) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                out.write(b);
                continue;
            }
            int n = in.read(buf, 0, 1 + r.nextInt(buf.length));
            if (n < 0) {
                return;
            }
            out.write(buf, 0, n);
        }
    }

    /** kqat's streams report data errors as IOExceptions caused by its own exception: judge by the cause. */
    private static Throwable unwrap(Throwable e) {
        if (e instanceof IOException && e.getCause() instanceof KqatException) {
            return e.getCause();
        }
        return e;
    }

    /** A source that returns short reads of random length, to move every window boundary. */
    private static final class UnevenInputStream extends ByteArrayInputStream {
        private final SplittableRandom r;

        UnevenInputStream(byte[] b, long seed) {
            super(b);
            this.r = new SplittableRandom(seed);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int max = r.nextInt(4) == 0 ? 1 + r.nextInt(Math.max(1, Math.min(len, 4096))) : len;
            return super.read(b, off, Math.min(len, max));
        }
    }
}
