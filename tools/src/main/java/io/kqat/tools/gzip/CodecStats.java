package io.kqat.tools.gzip;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.StatsSnapshot;
import java.io.PrintStream;

/** {@code --stats}: which rungs did the work, in which mode, and how many bytes were copied into device memory. */
final class CodecStats {
    private CodecStats() {
    }

    static void print(GzipCodec codec, boolean compress, String command, PrintStream err) {
        for (BackendStatus rung : codec.backends()) {
            StatsSnapshot s = rung.stats();
            long calls = compress ? s.getCompressBatches() : s.getDecompressBatches();
            if (s.getErrors() > 0) {
                err.printf("%s: %s failed %d request(s), redone on the next rung%n", command, rung.name(), s.getErrors());
            }
            if (calls > 0) {
                err.printf("%s: %s (%s), %d member(s), %d -> %d bytes, %d copied in%s%n", command, rung.name(),
                        rung.mode(), calls,
                        compress ? s.getCompressBytesIn() : s.getDecompressBytesIn(),
                        compress ? s.getCompressBytesOut() : s.getDecompressBytesOut(),
                        compress ? s.getCompressCopiedIn() : s.getDecompressCopiedIn(),
                        rung.detail().summary().isEmpty() ? "" : "; " + rung.detail().summary());
            }
        }
        err.flush();
    }
}
