package io.kqat.codec.backend.qat.nativeapi;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * The qatlib structures kqat passes, field for field as in {@code cpa.h} and {@code cpa_dc.h} (qatlib 22.07 to
 * 26.08). Requests write them into device-visible memory through the offsets JNA computes from these declarations;
 * the tests hold those offsets to the headers' values.
 */
public final class CpaStructs {
    private CpaStructs() {
    }

    @FieldOrder({"dataLenInBytes", "pData"})
    public static final class CpaFlatBuffer extends AbiStructure {
        public int dataLenInBytes;
        public Pointer pData;
    }

    @FieldOrder({"numBuffers", "pBuffers", "pUserData", "pPrivateMetaData"})
    public static final class CpaBufferList extends AbiStructure {
        public int numBuffers;
        public Pointer pBuffers;
        public Pointer pUserData;
        public Pointer pPrivateMetaData;
    }

    @FieldOrder({"compLevel", "compType", "huffType", "autoSelectBestHuffmanTree", "sessDirection", "sessState",
            "windowSize", "minMatch", "lz4BlockMaxSize", "lz4BlockChecksum", "lz4BlockIndependence", "checksum",
            "accumulateXXHash"})
    public static final class CpaDcSessionSetupData extends AbiStructure {
        public int compLevel;
        public int compType;
        public int huffType;
        public int autoSelectBestHuffmanTree;
        public int sessDirection;
        public int sessState;
        public int windowSize;
        public int minMatch;
        public int lz4BlockMaxSize;
        public int lz4BlockChecksum;
        public int lz4BlockIndependence;
        public int checksum;
        public int accumulateXXHash;
    }

    @FieldOrder({"skipMode", "skipLength", "strideLength", "firstSkipOffset"})
    public static final class CpaDcSkipData extends AbiStructure {
        public int skipMode;
        public int skipLength;
        public int strideLength;
        public int firstSkipOffset;
    }

    @FieldOrder({"flushFlag", "compressAndVerify", "compressAndVerifyAndRecover", "integrityCrcCheck",
            "verifyHwIntegrityCrcs", "integrityCrcSize", "inputSkipData", "outputSkipData", "pCrcData"})
    public static final class CpaDcOpData extends AbiStructure {
        public int flushFlag;
        public int compressAndVerify;
        public int compressAndVerifyAndRecover;
        public int integrityCrcCheck;
        public int verifyHwIntegrityCrcs;
        public int integrityCrcSize;
        public CpaDcSkipData inputSkipData;
        public CpaDcSkipData outputSkipData;
        public Pointer pCrcData;
    }

    @FieldOrder({"status", "produced", "consumed", "checksum", "endOfLastBlock", "dataUncompressed"})
    public static final class CpaDcRqResults extends AbiStructure {
        public int status;
        public int produced;
        public int consumed;
        public int checksum;
        public int endOfLastBlock;
        public int dataUncompressed;
    }

    /** A structure whose native layout (size, field offsets) can be read, to place it in device memory by offset. */
    public abstract static class AbiStructure extends Structure {
        public int offsetOf(String field) {
            return fieldOffset(field);
        }
    }

    /** Byte offset of {@code field} in {@code type}, as laid out for the native side. */
    public static int offset(Class<? extends AbiStructure> type, String field) {
        return instance(type).offsetOf(field);
    }

    public static int size(Class<? extends AbiStructure> type) {
        return instance(type).size();
    }

    private static AbiStructure instance(Class<? extends AbiStructure> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
