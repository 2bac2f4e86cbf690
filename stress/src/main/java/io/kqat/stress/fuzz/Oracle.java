package io.kqat.stress.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/** The reference: what {@link GZIPInputStream} of the running JDK makes of an input (read to its end). */
final class Oracle {
    private Oracle() {
    }

    static Outcome decode(byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(input), 8192)) {
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
            return Outcome.ok(out.toByteArray());
        } catch (IOException e) {
            return Outcome.failed(out.toByteArray(), e);
        }
    }
}
