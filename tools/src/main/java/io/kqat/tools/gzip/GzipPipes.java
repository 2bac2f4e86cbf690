package io.kqat.tools.gzip;

import io.kqat.codec.GzipCodec;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.ParallelMemberOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The code path of {@code kqat compress} and {@code kqat decompress}, which {@code kqat bench --input} also times. */
public final class GzipPipes {
    /** No bound on the output of {@link #decompress}. */
    public static final long UNLIMITED = Long.MAX_VALUE;
    private static final int BUFFER_BYTES = 256 << 10;

    private GzipPipes() {
    }

    /**
     * Compresses everything {@code in} holds into {@code out} as gzip members of {@code memberBytes} at the codec's
     * level: on {@code threads} threads, or with one thread through the codec's single-threaded stream (the same
     * bytes). Closes {@code out}.
     *
     * @return the bytes read
     */
    public static long compress(GzipCodec codec, InputStream in, OutputStream out, int memberBytes, int threads)
            throws IOException {
        try (OutputStream gz = threads == 1 ? codec.outputStream(out, memberBytes)
                : ParallelMemberOutputStream.open(codec, out, codec.config().level(), memberBytes, threads)) {
            return pump(in, gz, UNLIMITED);
        }
    }

    /**
     * Decompresses any gzip {@code in} holds into {@code out}. Closes {@code out}.
     *
     * @return the bytes written
     * @throws OutputLimitExceededException before writing more than {@code maxOutput} bytes
     */
    public static long decompress(GzipCodec codec, InputStream in, OutputStream out, long maxOutput)
            throws IOException {
        try (InputStream plain = codec.inputStream(in); OutputStream closedAtEnd = out) {
            return pump(plain, closedAtEnd, maxOutput);
        }
    }

    private static long pump(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (n > limit - total) {
                throw new OutputLimitExceededException(limit);
            }
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
