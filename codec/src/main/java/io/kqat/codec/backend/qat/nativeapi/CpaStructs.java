package io.kqat.codec.backend.qat.nativeapi;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * Every qatlib structure kqat passes or reads, field for field as in {@code cpa.h} and {@code cpa_dc.h} (qatlib 22.07
 * to 26.08), declared one way: as JNA structures, whose layout JNA computes from the declaration. Calls made once
 * (session set-up, the start-up queries) pass the structures themselves; requests write into device-visible memory
 * through the offsets read from these layouts, so no request allocates. The tests hold every size and offset to the
 * headers' values.
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

    /**
     * {@code cpaDcQueryCapabilities}' answer, 152 bytes. The first twelve flags are the LZS, LZSS and ELZS stateful and
     * stateless pairs, which no Gen4+ device has.
     */
    @FieldOrder({"statefulLZSCompression", "statefulLZSDecompression", "statelessLZSCompression",
            "statelessLZSDecompression", "statefulLZSSCompression", "statefulLZSSDecompression",
            "statelessLZSSCompression", "statelessLZSSDecompression", "statefulELZSCompression",
            "statefulELZSDecompression", "statelessELZSCompression", "statelessELZSDecompression",
            "statefulDeflateCompression", "statefulDeflateDecompression", "statelessDeflateCompression",
            "statelessDeflateDecompression", "statelessLZ4Compression", "statelessLZ4Decompression",
            "statefulLZ4Decompression", "statelessLZ4SCompression", "checksumCRC32", "checksumAdler32",
            "checksumXXHash32", "dynamicHuffman", "dynamicHuffmanBufferReq", "precompiledHuffman",
            "autoSelectBestHuffmanTree", "validWindowSizeMaskCompression", "validWindowSizeMaskDecompression",
            "internalHuffmanMem", "endOfLastBlock", "reportParityError", "batchAndPack", "compressAndVerify",
            "compressAndVerifyStrict", "compressAndVerifyAndRecover", "integrityCrcs", "dcChainCapInfo",
            "integrityCrcs64b"})
    public static final class CpaDcInstanceCapabilities extends AbiStructure {
        public int statefulLZSCompression;
        public int statefulLZSDecompression;
        public int statelessLZSCompression;
        public int statelessLZSDecompression;
        public int statefulLZSSCompression;
        public int statefulLZSSDecompression;
        public int statelessLZSSCompression;
        public int statelessLZSSDecompression;
        public int statefulELZSCompression;
        public int statefulELZSDecompression;
        public int statelessELZSCompression;
        public int statelessELZSDecompression;
        public int statefulDeflateCompression;
        public int statefulDeflateDecompression;
        public int statelessDeflateCompression;
        public int statelessDeflateDecompression;
        public int statelessLZ4Compression;
        public int statelessLZ4Decompression;
        public int statefulLZ4Decompression;
        public int statelessLZ4SCompression;
        public int checksumCRC32;
        public int checksumAdler32;
        public int checksumXXHash32;
        public int dynamicHuffman;
        public int dynamicHuffmanBufferReq;
        public int precompiledHuffman;
        public int autoSelectBestHuffmanTree;
        public byte validWindowSizeMaskCompression;
        public byte validWindowSizeMaskDecompression;
        public int internalHuffmanMem;
        public int endOfLastBlock;
        public int reportParityError;
        public int batchAndPack;
        public int compressAndVerify;
        public int compressAndVerifyStrict;
        public int compressAndVerifyAndRecover;
        public int integrityCrcs;
        /** {@code CPA_BITMAP(dcChainCapInfo, 32)}: one 32-bit word. */
        public int[] dcChainCapInfo = new int[1];
        public int integrityCrcs64b;
    }

    /** Where an instance lives: package, accelerator, engine, PCI function. 12 bytes. */
    @FieldOrder({"packageId", "acceleratorId", "executionEngineId", "busAddress", "kptAcHandle"})
    public static final class CpaPhysicalInstanceId extends AbiStructure {
        public short packageId;
        public short acceleratorId;
        public short executionEngineId;
        public short busAddress;
        public int kptAcHandle;
    }

    /** {@code cpaDcInstanceGetInfo2}'s answer, 932 bytes; names are NUL-padded ASCII. */
    @FieldOrder({"accelerationServiceType", "vendorName", "partName", "swVersion", "instName", "instID", "physInstId",
            "coreAffinity", "nodeAffinity", "operState", "requiresPhysicallyContiguousMemory", "isPolled",
            "isOffloaded"})
    public static final class CpaInstanceInfo2 extends AbiStructure {
        public int accelerationServiceType;
        public byte[] vendorName = new byte[64];
        public byte[] partName = new byte[64];
        public byte[] swVersion = new byte[64];
        public byte[] instName = new byte[64];
        public byte[] instID = new byte[128];
        public CpaPhysicalInstanceId physInstId;
        /** {@code CPA_BITMAP(coreAffinity, CPA_MAX_CORES = 4096)}. */
        public int[] coreAffinity = new int[128];
        public int nodeAffinity;
        public int operState;
        public int requiresPhysicallyContiguousMemory;
        public int isPolled;
        public int isOffloaded;
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
