package io.kqat.codec.backend.qat.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaBufferList;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaDcInstanceCapabilities;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaDcOpData;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaDcRqResults;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaDcSessionSetupData;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaFlatBuffer;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaInstanceInfo2;
import io.kqat.codec.backend.qat.nativeapi.CpaStructs.CpaPhysicalInstanceId;
import org.junit.jupiter.api.Test;

/**
 * Every JNA structure against the sizes and offsets of qatlib 26.08's headers: shared/QAT-ABI.md for the request
 * structures; for the two start-up answers, which QAT-ABI.md does not list, the values the QAT emulator's
 * {@code emu_abi.h} asserts (measured against qatlib 26.08.0's {@code cpa.h} and {@code cpa_dc.h}).
 */
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

    @Test
    void instanceCapabilities() {
        assertThat(CpaStructs.size(CpaDcInstanceCapabilities.class)).isEqualTo(152);
        String[] flags = {"statefulLZSCompression", "statefulLZSDecompression", "statelessLZSCompression",
            "statelessLZSDecompression", "statefulLZSSCompression", "statefulLZSSDecompression",
            "statelessLZSSCompression", "statelessLZSSDecompression", "statefulELZSCompression",
            "statefulELZSDecompression", "statelessELZSCompression", "statelessELZSDecompression",
            "statefulDeflateCompression", "statefulDeflateDecompression", "statelessDeflateCompression",
            "statelessDeflateDecompression", "statelessLZ4Compression", "statelessLZ4Decompression",
            "statefulLZ4Decompression", "statelessLZ4SCompression", "checksumCRC32", "checksumAdler32",
            "checksumXXHash32", "dynamicHuffman", "dynamicHuffmanBufferReq", "precompiledHuffman",
            "autoSelectBestHuffmanTree"};
        for (int i = 0; i < flags.length; i++) {
            assertThat(CpaStructs.offset(CpaDcInstanceCapabilities.class, flags[i])).as(flags[i]).isEqualTo(4 * i);
        }
        assertThat(CpaStructs.offset(CpaDcInstanceCapabilities.class, "statelessDeflateCompression")).isEqualTo(56);
        assertThat(CpaStructs.offset(CpaDcInstanceCapabilities.class, "statelessDeflateDecompression")).isEqualTo(60);
        assertThat(CpaStructs.offset(CpaDcInstanceCapabilities.class, "checksumCRC32")).isEqualTo(80);
        assertThat(CpaStructs.offset(CpaDcInstanceCapabilities.class, "dynamicHuffman")).isEqualTo(92);
        String[] rest = {"validWindowSizeMaskCompression", "validWindowSizeMaskDecompression", "internalHuffmanMem",
            "endOfLastBlock", "reportParityError", "batchAndPack", "compressAndVerify", "compressAndVerifyStrict",
            "compressAndVerifyAndRecover", "integrityCrcs", "dcChainCapInfo", "integrityCrcs64b"};
        int[] offsets = {108, 109, 112, 116, 120, 124, 128, 132, 136, 140, 144, 148};
        for (int i = 0; i < rest.length; i++) {
            assertThat(CpaStructs.offset(CpaDcInstanceCapabilities.class, rest[i])).as(rest[i]).isEqualTo(offsets[i]);
        }
    }

    @Test
    void instanceInfo2() {
        assertThat(CpaStructs.size(CpaPhysicalInstanceId.class)).isEqualTo(12);
        String[] id = {"packageId", "acceleratorId", "executionEngineId", "busAddress", "kptAcHandle"};
        for (int i = 0; i < id.length; i++) {
            assertThat(CpaStructs.offset(CpaPhysicalInstanceId.class, id[i])).as(id[i]).isEqualTo(2 * i);
        }
        assertThat(CpaStructs.size(CpaInstanceInfo2.class)).isEqualTo(932);
        String[] fields = {"accelerationServiceType", "vendorName", "partName", "swVersion", "instName", "instID",
            "physInstId", "coreAffinity", "nodeAffinity", "operState", "requiresPhysicallyContiguousMemory",
            "isPolled", "isOffloaded"};
        int[] offsets = {0, 4, 68, 132, 196, 260, 388, 400, 912, 916, 920, 924, 928};
        for (int i = 0; i < fields.length; i++) {
            assertThat(CpaStructs.offset(CpaInstanceInfo2.class, fields[i])).as(fields[i]).isEqualTo(offsets[i]);
        }
        int physInstId = CpaStructs.offset(CpaInstanceInfo2.class, "physInstId");
        assertThat(physInstId + CpaStructs.offset(CpaPhysicalInstanceId.class, "acceleratorId")).isEqualTo(390);
        assertThat(physInstId + CpaStructs.offset(CpaPhysicalInstanceId.class, "busAddress")).isEqualTo(394);
    }
}
