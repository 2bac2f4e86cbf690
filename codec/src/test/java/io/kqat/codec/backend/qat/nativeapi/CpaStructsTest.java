package io.kqat.codec.backend.qat.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaBufferList;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaDcOpData;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaDcRqResults;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaDcSessionSetupData;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaFlatBuffer;
import org.junit.jupiter.api.Test;

/** The JNA structures against the sizes and offsets of qatlib 26.08's headers (shared/QAT-ABI.md). */
class CpaStructsTest {

    @Test
    void flatBufferAndBufferList() {
        assertThat(CpaStructs.size(CpaFlatBuffer.class)).isEqualTo(16);
        assertThat(CpaStructs.offset(CpaFlatBuffer.class, "dataLenInBytes")).isZero();
        assertThat(CpaStructs.offset(CpaFlatBuffer.class, "pData")).isEqualTo(8);
        assertThat(CpaStructs.size(CpaBufferList.class)).isEqualTo(32);
        assertThat(CpaStructs.offset(CpaBufferList.class, "numBuffers")).isZero();
        assertThat(CpaStructs.offset(CpaBufferList.class, "pBuffers")).isEqualTo(8);
        assertThat(CpaStructs.offset(CpaBufferList.class, "pUserData")).isEqualTo(16);
        assertThat(CpaStructs.offset(CpaBufferList.class, "pPrivateMetaData")).isEqualTo(24);
    }

    @Test
    void sessionSetupData() {
        assertThat(CpaStructs.size(CpaDcSessionSetupData.class)).isEqualTo(52);
        String[] fields = {"compLevel", "compType", "huffType", "autoSelectBestHuffmanTree", "sessDirection", "sessState",
            "windowSize", "minMatch", "lz4BlockMaxSize", "lz4BlockChecksum", "lz4BlockIndependence", "checksum",
            "accumulateXXHash"};
        for (int i = 0; i < fields.length; i++) {
            assertThat(CpaStructs.offset(CpaDcSessionSetupData.class, fields[i])).as(fields[i]).isEqualTo(4 * i);
        }
    }

    @Test
    void opDataAndResults() {
        assertThat(CpaStructs.size(CpaDcOpData.class)).isEqualTo(64);
        assertThat(CpaStructs.offset(CpaDcOpData.class, "flushFlag")).isZero();
        assertThat(CpaStructs.offset(CpaDcOpData.class, "compressAndVerify")).isEqualTo(4);
        assertThat(CpaStructs.offset(CpaDcOpData.class, "integrityCrcSize")).isEqualTo(20);
        assertThat(CpaStructs.offset(CpaDcOpData.class, "inputSkipData")).isEqualTo(24);
        assertThat(CpaStructs.offset(CpaDcOpData.class, "outputSkipData")).isEqualTo(40);
        assertThat(CpaStructs.offset(CpaDcOpData.class, "pCrcData")).isEqualTo(56);
        assertThat(CpaStructs.size(CpaDcRqResults.class)).isEqualTo(24);
        String[] fields = {"status", "produced", "consumed", "checksum", "endOfLastBlock", "dataUncompressed"};
        for (int i = 0; i < fields.length; i++) {
            assertThat(CpaStructs.offset(CpaDcRqResults.class, fields[i])).as(fields[i]).isEqualTo(4 * i);
        }
    }
}
