package io.kqat.codec.backend.isal;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** The reference decoder: the JDK's zlib, whole input at once. */
final class Zlib {
    private Zlib() {
    }

    /** What zlib makes of a raw deflate input: output, bytes of the stream, or the error. */
    record Decoded(byte[] output, int streamLength, boolean finished, String error) {
    }

    static Decoded inflate(byte[] input) {
        Inflater inflater = new Inflater(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        try {
            inflater.setInput(input);
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                out.write(buf, 0, n);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
            }
            return new Decoded(out.toByteArray(), input.length - inflater.getRemaining(), inflater.finished(), null);
        } catch (DataFormatException e) {
            return new Decoded(out.toByteArray(), -1, false, e.getMessage());
        } finally {
            inflater.end();
        }
    }
}
