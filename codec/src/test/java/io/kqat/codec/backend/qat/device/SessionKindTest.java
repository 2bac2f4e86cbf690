package io.kqat.codec.backend.qat.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaDcSessionSetupData;
import org.junit.jupiter.api.Test;

/**
 * The bytes a session setup hands qatlib, read back at the offsets and with the values of qatlib 26.08's
 * {@code cpa_dc.h} (QAT-ABI.md, QAT-ZSTD.md §1): compLevel 0, compType 4 (DEFLATE 3, LZ4S 5, ZSTD 6), huffType 8
 * (FULL_DYNAMIC 2), autoSelectBestHuffmanTree 12 (DISABLED 0, ENABLED 4), sessDirection 16, sessState 20 (STATELESS 1),
 * minMatch 28 (3-byte 0), checksum 44 (NONE 0, CRC32 1, XXHASH64 5).
 */
class SessionKindTest {

    private static Pointer written(SessionKind kind, int level) {
        CpaDcSessionSetupData setup = new CpaDcSessionSetupData();
        kind.describe(setup, true, level);
        setup.write();
        return setup.getPointer();
    }

    @Test
    void lz4sIsStatelessCompressionWithThreeByteMatchesAndNoChecksum() {
        Pointer p = written(SessionKind.LZ4S, 9);
        assertThat(p.getInt(0)).as("compLevel").isEqualTo(9);
        assertThat(p.getInt(4)).as("compType CPA_DC_LZ4S").isEqualTo(5);
        assertThat(p.getInt(8)).as("huffType").isEqualTo(2);
        assertThat(p.getInt(12)).as("ASB disabled").isZero();
        assertThat(p.getInt(16)).as("compress").isZero();
        assertThat(p.getInt(20)).as("stateless").isEqualTo(1);
        assertThat(p.getInt(28)).as("CPA_DC_MIN_3_BYTE_MATCH").isZero();
        assertThat(p.getInt(44)).as("CPA_DC_NONE").isZero();
    }

    @Test
    void zstdHasXxHash64AndAutoSelectBestAsGen6Requires() {
        Pointer p = written(SessionKind.ZSTD, 12);
        assertThat(p.getInt(0)).isEqualTo(12);
        assertThat(p.getInt(4)).as("compType CPA_DC_ZSTD").isEqualTo(6);
        assertThat(p.getInt(12)).as("CPA_DC_ASB_ENABLED").isEqualTo(4);
        assertThat(p.getInt(20)).isEqualTo(1);
        assertThat(p.getInt(44)).as("CPA_DC_XXHASH64").isEqualTo(5);
    }

    @Test
    void deflateIsAsBefore() {
        Pointer p = written(SessionKind.DEFLATE, 6);
        assertThat(p.getInt(4)).isEqualTo(3);
        assertThat(p.getInt(12)).isZero();
        assertThat(p.getInt(44)).as("CRC32").isEqualTo(1);
        assertThatThrownBy(() -> SessionKind.LZ4S.describe(new CpaDcSessionSetupData(), false, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
