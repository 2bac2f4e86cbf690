package io.kqat.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * An input stream whose {@code available()} is 0 only at the real end of input. The JDK's GZIPInputStream decides
 * whether another member follows from {@code available()}; pipes and stream boundaries (a SequenceInputStream between
 * its parts) report 0 before the end, which would silently drop the following members. Peeking one byte settles it.
 */
final class EndProbingInputStream extends PushbackInputStream {
    EndProbingInputStream(InputStream in) {
        super(in, 1);
    }

    @Override
    public int available() throws IOException {
        int n = super.available();
        if (n > 0) {
            return n;
        }
        int b = read();
        if (b < 0) {
            return 0;
        }
        unread(b);
        return 1;
    }
}
