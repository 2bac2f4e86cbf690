package io.kqat.stress.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.gzip.GzipFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * Coverage-guided fuzzing of the framing ({@link GzipFormat}): any bytes either parse as a header exactly where an
 * independent reading of RFC 1952 says it ends, or are refused with {@link CorruptGzipException} (never another
 * exception, never a position past the input); trailers and the size hint never fail otherwise.
 */
class GzipFramingFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void frame(byte[] input) {
        check(input);
    }

    public static void fuzzerTestOneInput(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        int expected = headerEnd(input);
        ByteBuffer b = ByteBuffer.wrap(input);
        if (expected < 0) {
            assertThatThrownBy(() -> GzipFormat.skipHeader(b)).isInstanceOf(CorruptGzipException.class);
        } else {
            GzipFormat.skipHeader(b);
            assertThat(b.position()).isEqualTo(expected);
        }
        ByteBuffer t = ByteBuffer.wrap(input);
        long crc = input.length >= 4 ? ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN).getInt(0) & 0xffffffffL : 0;
        long size = input.length >= 8 ? ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN).getInt(4) & 0xffffffffL : 0;
        if (input.length < 8) {
            assertThatThrownBy(() -> GzipFormat.checkTrailer(t, crc, size)).isInstanceOf(CorruptGzipException.class);
        } else {
            GzipFormat.checkTrailer(t, crc, size);
            assertThat(t.position()).isEqualTo(8);
            assertThatThrownBy(() -> GzipFormat.checkTrailer(ByteBuffer.wrap(input), crc ^ 1, size))
                    .isInstanceOf(CorruptGzipException.class);
        }
        long hint = GzipFormat.lastMemberSizeHint(ByteBuffer.wrap(input));
        assertThat(hint).isBetween(0L, 0xffffffffL);
    }

    /** Where a header at the start of {@code b} ends per RFC 1952 (reserved flags refused), or -1. */
    static int headerEnd(byte[] b) {
        if (b.length < 10 || (b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b || b[2] != 8 || (b[3] & 0xe0) != 0) {
            return -1;
        }
        int flags = b[3] & 0xff;
        int p = 10;
        if ((flags & 4) != 0) {
            if (p + 2 > b.length) {
                return -1;
            }
            p += 2 + ((b[p] & 0xff) | (b[p + 1] & 0xff) << 8);
            if (p > b.length) {
                return -1;
            }
        }
        for (int field : new int[] {8, 16}) {
            if ((flags & field) != 0) {
                while (p < b.length && b[p] != 0) {
                    p++;
                }
                if (p >= b.length) {
                    return -1;
                }
                p++;
            }
        }
        if ((flags & 2) != 0) {
            if (p + 2 > b.length) {
                return -1;
            }
            CRC32 crc = new CRC32();
            crc.update(b, 0, p);
            if (((b[p] & 0xff) | (b[p + 1] & 0xff) << 8) != ((int) crc.getValue() & 0xffff)) {
                return -1;
            }
            p += 2;
        }
        return p;
    }
}
