package io.kqat.codec.gzip;

import static io.kqat.testkit.GzipFixtures.headerWithAllFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CorruptGzipException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** RFC 1952 framing: what is written, and every header field and fault on the way in. */
class GzipFormatTest {

    @Test
    void theWrittenHeaderIsTheFixedTenBytesWithTheLevelInXfl() {
        ByteBuffer b = ByteBuffer.allocate(10);
        GzipFormat.writeHeader(b, 1);
        assertThat(b.array()).containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 0xff);
        b.clear();
        GzipFormat.writeHeader(b, 9);
        assertThat(b.get(8)).isEqualTo((byte) 2);
        b.clear();
        GzipFormat.writeHeader(b, 6);
        assertThat(b.get(8)).isZero();
    }

    @Test
    void theTrailerIsLittleEndianCrcThenSizeModulo4Gi() {
        ByteBuffer b = ByteBuffer.allocate(8);
        GzipFormat.writeTrailer(b, 0x11223344L, (1L << 32) + 5);
        assertThat(b.array()).containsExactly(0x44, 0x33, 0x22, 0x11, 5, 0, 0, 0);
        b.flip();
        GzipFormat.checkTrailer(b.duplicate(), 0x11223344L, (1L << 32) + 5);
        assertThatThrownBy(() -> GzipFormat.checkTrailer(b.duplicate(), 0x11223345L, 5)).hasMessageContaining("CRC32");
        assertThatThrownBy(() -> GzipFormat.checkTrailer(b.duplicate(), 0x11223344L, 6)).hasMessageContaining("length");
        assertThatThrownBy(() -> GzipFormat.checkTrailer(ByteBuffer.allocate(7), 0, 0)).hasMessageContaining("truncated");
    }

    @Test
    void everyOptionalFieldIsSkippedAndTheHeaderCrcChecked() {
        byte[] header = headerWithAllFields();
        ByteBuffer b = ByteBuffer.wrap(header);
        GzipFormat.skipHeader(b);
        assertThat(b.hasRemaining()).isFalse();
        header[header.length - 1] ^= 1;
        assertThatThrownBy(() -> GzipFormat.skipHeader(ByteBuffer.wrap(header))).hasMessageContaining("FHCRC");
    }

    @Test
    void everyTruncationOfTheHeaderIsNamed() {
        byte[] header = headerWithAllFields();
        for (int n = 0; n < header.length; n++) {
            ByteBuffer cut = ByteBuffer.wrap(header, 0, n);
            assertThatThrownBy(() -> GzipFormat.skipHeader(cut)).as("first %d bytes", n)
                    .isInstanceOf(CorruptGzipException.class).hasMessageContaining("truncated");
        }
    }

    @Test
    void badMagicMethodAndReservedFlagsAreRejected() {
        assertThatThrownBy(() -> GzipFormat.skipHeader(ByteBuffer.wrap(new byte[] {0x1f, (byte) 0x8c, 8, 0, 0, 0, 0, 0, 0, 0})))
                .hasMessageContaining("bad magic");
        assertThatThrownBy(() -> GzipFormat.skipHeader(ByteBuffer.wrap(new byte[] {0x1f, (byte) 0x8b, 7, 0, 0, 0, 0, 0, 0, 0})))
                .hasMessageContaining("method 7");
        assertThatThrownBy(() -> GzipFormat.skipHeader(ByteBuffer.wrap(new byte[] {0x1f, (byte) 0x8b, 8, 0x20, 0, 0, 0, 0, 0, 0})))
                .hasMessageContaining("reserved");
    }

    @Test
    void theSizeHintIsTheLastFourBytesAndNothingForTinyInput() {
        ByteBuffer b = ByteBuffer.allocate(30);
        b.position(26);
        b.put((byte) 1).put((byte) 2).put((byte) 0).put((byte) 0).clear();
        assertThat(GzipFormat.lastMemberSizeHint(b)).isEqualTo(0x0201);
        assertThat(GzipFormat.lastMemberSizeHint(ByteBuffer.allocate(17))).isZero();
    }

}
