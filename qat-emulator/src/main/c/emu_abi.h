/*
 * The qatlib ABI subset kqat uses, declared from the facts in the project's QAT ABI notes (sizes, offsets and values of
 * qatlib 26.08's public headers). Only what the emulator needs; field names follow the public API so the mapping to
 * the real headers stays obvious.
 */
#ifndef KQAT_EMU_ABI_H
#define KQAT_EMU_ABI_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t CpaStatus;
typedef uint32_t CpaBoolean;
typedef uint64_t CpaPhysicalAddr;
typedef void *CpaInstanceHandle;
typedef void *CpaDcSessionHandle;

#define CPA_STATUS_SUCCESS 0
#define CPA_STATUS_FAIL (-1)
#define CPA_STATUS_RETRY (-2)
#define CPA_STATUS_RESOURCE (-3)
#define CPA_STATUS_INVALID_PARAM (-4)
#define CPA_STATUS_FATAL (-5)
#define CPA_STATUS_UNSUPPORTED (-6)
#define CPA_STATUS_RESTARTING (-7)
#define CPA_TRUE 1
#define CPA_FALSE 0

#define CPA_DC_OK 0
#define CPA_DC_INVALID_BLOCK_TYPE (-1)
#define CPA_DC_BAD_STORED_BLOCK_LEN (-2)
#define CPA_DC_TOO_MANY_CODES (-3)
#define CPA_DC_INCOMPLETE_CODE_LENS (-4)
#define CPA_DC_REPEATED_LENS (-5)
#define CPA_DC_MORE_REPEAT (-6)
#define CPA_DC_BAD_LITLEN_CODES (-7)
#define CPA_DC_BAD_DIST_CODES (-8)
#define CPA_DC_INVALID_CODE (-9)
#define CPA_DC_INVALID_DIST (-10)
#define CPA_DC_OVERFLOW (-11)
#define CPA_DC_FATALERR (-13)
#define CPA_DC_INCOMPLETE_FILE_ERR (-15)
/* cpa_dc.h (26.02+): the zstd decompression errors the emulated 6xxx reports. */
#define CPA_DC_INVALID_ZSTD_FRAME (-30)
#define CPA_DC_ZSTD_LITERAL_DECOMPRESSION_DATA_ERROR (-40)
#define CPA_DC_ZSTD_FRAME_CONTENT_SIZE_MISMATCH (-62)
#define CPA_DC_ZSTD_FRAME_CONTENT_CHECKSUM_MISMATCH (-63)

#define CPA_DC_DEFLATE 3
#define CPA_DC_LZ4 4  /* 22.07+ */
#define CPA_DC_LZ4S 5 /* 22.07+ */
#define CPA_DC_ZSTD 6 /* 26.02+ */
#define CPA_DC_MIN_3_BYTE_MATCH 0
#define CPA_DC_MIN_4_BYTE_MATCH 1
#define CPA_DC_ASB_DISABLED 0
#define CPA_DC_ASB_ENABLED 4
/* CpaDcCompWindowSize: what CPA_DC_CAP_U32_DEFAULT_WINDOW_SIZE answers (an enum value, not bytes). */
#define CPA_DC_WINSIZE_32K 3
#define CPA_DC_WINSIZE_64K 4
#define CPA_DC_HT_STATIC 0
#define CPA_DC_HT_PRECOMP 1
#define CPA_DC_HT_FULL_DYNAMIC 2
#define CPA_DC_DIR_COMPRESS 0
#define CPA_DC_DIR_DECOMPRESS 1
#define CPA_DC_DIR_COMBINED 2
#define CPA_DC_STATEFUL 0
#define CPA_DC_STATELESS 1
#define CPA_DC_NONE 0
#define CPA_DC_CRC32 1
#define CPA_DC_ADLER32 2
#define CPA_DC_CRC32_ADLER32 3
#define CPA_DC_XXHASH32 4 /* 22.07+ */
#define CPA_DC_XXHASH64 5 /* 26.02+ */
#define CPA_DC_FLUSH_NONE 0
#define CPA_DC_FLUSH_FINAL 1
#define CPA_DC_FLUSH_FULL 3
#define CPA_DC_SKIP_STRIDE 3
#define CPA_ACC_SVC_TYPE_CRYPTO 0
#define CPA_ACC_SVC_TYPE_DATA_COMPRESSION 1
#define CPA_ACC_SVC_TYPE_CRYPTO_ASYM 5
#define CPA_ACC_SVC_TYPE_CRYPTO_SYM 6
#define CPA_ACC_SVC_TYPE_DATA_DECOMPRESSION 7
/* cpa.h (CPA API 5.8, qatlib 26.02): CpaInstanceResponseMode. */
#define CPA_INST_RX_NOTIFY_NONE 1
#define CPA_INST_RX_NOTIFY_BY_EVENT 2
#define CPA_OPER_STATE_DOWN 0
#define CPA_OPER_STATE_UP 1

typedef struct {
    uint32_t dataLenInBytes;
    uint8_t *pData;
} CpaFlatBuffer; /* 16 bytes */

typedef struct {
    uint32_t numBuffers;
    CpaFlatBuffer *pBuffers;
    void *pUserData;
    void *pPrivateMetaData;
} CpaBufferList; /* 32 bytes */

typedef struct {
    uint32_t compLevel;
    uint32_t compType;
    uint32_t huffType;
    uint32_t autoSelectBestHuffmanTree;
    uint32_t sessDirection;
    uint32_t sessState;
    uint32_t windowSize;
    uint32_t minMatch;
    uint32_t lz4BlockMaxSize;
    uint32_t lz4BlockChecksum;
    uint32_t lz4BlockIndependence;
    uint32_t checksum;
    uint32_t accumulateXXHash;
} CpaDcSessionSetupData; /* 52 bytes */

typedef struct {
    uint32_t skipMode;
    uint32_t skipLength;
    uint32_t strideLength;
    uint32_t firstSkipOffset;
} CpaDcSkipData;

typedef struct {
    uint32_t flushFlag;
    CpaBoolean compressAndVerify;
    CpaBoolean compressAndVerifyAndRecover;
    CpaBoolean integrityCrcCheck;
    CpaBoolean verifyHwIntegrityCrcs;
    uint32_t integrityCrcSize;
    CpaDcSkipData inputSkipData;
    CpaDcSkipData outputSkipData;
    void *pCrcData;
} CpaDcOpData; /* 64 bytes */

typedef struct {
    int32_t status;
    uint32_t produced;
    uint32_t consumed;
    uint32_t checksum;
    CpaBoolean endOfLastBlock;
    CpaBoolean dataUncompressed;
} CpaDcRqResults; /* 24 bytes */

/* cpaDcQueryCapabilities' answer (cpa_dc.h; identical from qatlib 22.07 to 26.08). The first twelve booleans are the
 * LZS/LZSS/ELZS stateful/stateless pairs, which no Gen4+ device has. */
typedef struct {
    CpaBoolean statefulLZSCompression;
    CpaBoolean statefulLZSDecompression;
    CpaBoolean statelessLZSCompression;
    CpaBoolean statelessLZSDecompression;
    CpaBoolean statefulLZSSCompression;
    CpaBoolean statefulLZSSDecompression;
    CpaBoolean statelessLZSSCompression;
    CpaBoolean statelessLZSSDecompression;
    CpaBoolean statefulELZSCompression;
    CpaBoolean statefulELZSDecompression;
    CpaBoolean statelessELZSCompression;
    CpaBoolean statelessELZSDecompression;
    CpaBoolean statefulDeflateCompression;
    CpaBoolean statefulDeflateDecompression;
    CpaBoolean statelessDeflateCompression;
    CpaBoolean statelessDeflateDecompression;
    CpaBoolean statelessLZ4Compression;
    CpaBoolean statelessLZ4Decompression;
    CpaBoolean statefulLZ4Decompression;
    CpaBoolean statelessLZ4SCompression;
    CpaBoolean checksumCRC32;
    CpaBoolean checksumAdler32;
    CpaBoolean checksumXXHash32;
    CpaBoolean dynamicHuffman;
    CpaBoolean dynamicHuffmanBufferReq;
    CpaBoolean precompiledHuffman;
    CpaBoolean autoSelectBestHuffmanTree;
    uint8_t validWindowSizeMaskCompression;
    uint8_t validWindowSizeMaskDecompression;
    uint32_t internalHuffmanMem;
    CpaBoolean endOfLastBlock;
    CpaBoolean reportParityError;
    CpaBoolean batchAndPack;
    CpaBoolean compressAndVerify;
    CpaBoolean compressAndVerifyStrict;
    CpaBoolean compressAndVerifyAndRecover;
    CpaBoolean integrityCrcs;
    uint32_t dcChainCapInfo[1]; /* CPA_BITMAP(dcChainCapInfo, CPA_DC_CHAIN_CAP_BITMAP_SIZE = 32) */
    CpaBoolean integrityCrcs64b;
} CpaDcInstanceCapabilities; /* 152 bytes */

/* cpa.h: CpaPhysicalInstanceId and CpaInstanceInfo2 (identical from qatlib 22.07 to 26.08). */
typedef struct {
    uint16_t packageId;
    uint16_t acceleratorId;
    uint16_t executionEngineId;
    uint16_t busAddress;
    uint32_t kptAcHandle;
} CpaPhysicalInstanceId; /* 12 bytes */

#define CPA_INSTANCE_MAX_NAME_SIZE_IN_BYTES 64
#define CPA_INSTANCE_MAX_ID_SIZE_IN_BYTES 128
#define CPA_INSTANCE_MAX_VERSION_SIZE_IN_BYTES 64
#define CPA_MAX_CORES 4096

typedef struct {
    uint32_t accelerationServiceType;
    uint8_t vendorName[CPA_INSTANCE_MAX_NAME_SIZE_IN_BYTES];
    uint8_t partName[CPA_INSTANCE_MAX_NAME_SIZE_IN_BYTES];
    uint8_t swVersion[CPA_INSTANCE_MAX_VERSION_SIZE_IN_BYTES];
    uint8_t instName[CPA_INSTANCE_MAX_NAME_SIZE_IN_BYTES];
    uint8_t instID[CPA_INSTANCE_MAX_ID_SIZE_IN_BYTES];
    CpaPhysicalInstanceId physInstId;
    uint32_t coreAffinity[(CPA_MAX_CORES + 31) / 32];
    uint32_t nodeAffinity;
    uint32_t operState;
    CpaBoolean requiresPhysicallyContiguousMemory;
    CpaBoolean isPolled;
    CpaBoolean isOffloaded;
} CpaInstanceInfo2; /* 932 bytes */

/* What the library writes into a buffer list's pPrivateMetaData for the device (icp_buffer_desc.h): a header, then one
 * descriptor per flat buffer, at the first 8-byte aligned device address. cpaDcBufferListGetMetaSize is
 * sizeof(header) + sizeof(flat) * (numBuffers + 1) + 8. */
typedef struct {
    uint64_t resrvd;
    uint32_t numBuffers;
    uint32_t reserved;
} IcpBufferListDesc; /* 16 bytes */

typedef struct {
    uint32_t dataLenInBytes;
    uint32_t reserved;
    uint64_t phyBuffer;
} IcpFlatBufferDesc; /* 16 bytes */

/* cpa.h (CPA API 5.9, qatlib 26.08): cpaInstanceGetRxInterruptMetaData's answer. */
typedef struct {
    uint32_t coalescingTimerInNs;
    uint32_t coalescingTimerMaxInNs;
    uint32_t coalescingTimerGranularityInNs;
    uint32_t reserved1;
    uint64_t reserved2;
} CpaRxInterruptMetaData; /* 24 bytes */

/* cpa_dc_capabilities.h (qatlib 25.08+, the same to 26.08): cpaDcQueryCapabilityByType's request and answer. */
typedef struct {
    uint32_t algo;  /* CpaDcCompType */
    uint32_t dir;   /* CpaDcDir: COMPRESS or DECOMPRESS */
    uint32_t capId; /* CpaDcCapabilityId, 0..41 */
} CpaDcCapabilityReq; /* 12 bytes, passed by value */

typedef union {
    CpaBoolean boolStatus;
    uint32_t u32Status;
    uint64_t u64Status;
} CpaDcCapabilityResp; /* 8 bytes */

typedef CpaPhysicalAddr (*CpaVirtualToPhysical)(void *virt);
typedef void (*CpaDcCallbackFn)(void *callbackTag, CpaStatus status);

_Static_assert(sizeof(CpaFlatBuffer) == 16, "CpaFlatBuffer");
_Static_assert(sizeof(CpaBufferList) == 32, "CpaBufferList");
_Static_assert(sizeof(CpaDcSessionSetupData) == 52, "CpaDcSessionSetupData");
_Static_assert(sizeof(CpaDcOpData) == 64, "CpaDcOpData");
_Static_assert(offsetof(CpaDcOpData, pCrcData) == 56, "CpaDcOpData.pCrcData");
_Static_assert(sizeof(CpaDcRqResults) == 24, "CpaDcRqResults");
_Static_assert(offsetof(CpaDcRqResults, endOfLastBlock) == 16, "CpaDcRqResults.endOfLastBlock");
/* Measured against qatlib 26.08.0's cpa_dc.h (and 22.07.0, 23.02.0, 23.08.0, 24.02.0: the same). */
_Static_assert(sizeof(CpaDcInstanceCapabilities) == 152, "CpaDcInstanceCapabilities");
_Static_assert(offsetof(CpaDcInstanceCapabilities, statefulDeflateCompression) == 48, "statefulDeflateCompression");
_Static_assert(offsetof(CpaDcInstanceCapabilities, statelessDeflateCompression) == 56, "statelessDeflateCompression");
_Static_assert(offsetof(CpaDcInstanceCapabilities, statelessDeflateDecompression) == 60, "statelessDeflateDecompression");
_Static_assert(offsetof(CpaDcInstanceCapabilities, statelessLZ4Compression) == 64, "statelessLZ4Compression");
_Static_assert(offsetof(CpaDcInstanceCapabilities, statelessLZ4SCompression) == 76, "statelessLZ4SCompression");
_Static_assert(offsetof(CpaDcInstanceCapabilities, checksumCRC32) == 80, "checksumCRC32");
_Static_assert(offsetof(CpaDcInstanceCapabilities, checksumXXHash32) == 88, "checksumXXHash32");
_Static_assert(offsetof(CpaDcInstanceCapabilities, dynamicHuffman) == 92, "dynamicHuffman");
_Static_assert(offsetof(CpaDcInstanceCapabilities, validWindowSizeMaskCompression) == 108, "validWindowSizeMask");
_Static_assert(offsetof(CpaDcInstanceCapabilities, internalHuffmanMem) == 112, "internalHuffmanMem");
_Static_assert(offsetof(CpaDcInstanceCapabilities, endOfLastBlock) == 116, "endOfLastBlock");
_Static_assert(offsetof(CpaDcInstanceCapabilities, compressAndVerify) == 128, "compressAndVerify");
_Static_assert(offsetof(CpaDcInstanceCapabilities, compressAndVerifyAndRecover) == 136, "compressAndVerifyAndRecover");
_Static_assert(offsetof(CpaDcInstanceCapabilities, dcChainCapInfo) == 144, "dcChainCapInfo");
_Static_assert(offsetof(CpaDcInstanceCapabilities, integrityCrcs64b) == 148, "integrityCrcs64b");
/* Measured against qatlib 26.08.0's cpa.h (and the four releases above: the same). */
_Static_assert(sizeof(CpaPhysicalInstanceId) == 12, "CpaPhysicalInstanceId");
_Static_assert(sizeof(CpaInstanceInfo2) == 932, "CpaInstanceInfo2");
_Static_assert(offsetof(CpaInstanceInfo2, vendorName) == 4, "vendorName");
_Static_assert(offsetof(CpaInstanceInfo2, partName) == 68, "partName");
_Static_assert(offsetof(CpaInstanceInfo2, swVersion) == 132, "swVersion");
_Static_assert(offsetof(CpaInstanceInfo2, instName) == 196, "instName");
_Static_assert(offsetof(CpaInstanceInfo2, instID) == 260, "instID");
_Static_assert(offsetof(CpaInstanceInfo2, physInstId) == 388, "physInstId");
_Static_assert(offsetof(CpaInstanceInfo2, physInstId.acceleratorId) == 390, "physInstId.acceleratorId");
_Static_assert(offsetof(CpaInstanceInfo2, physInstId.busAddress) == 394, "physInstId.busAddress");
_Static_assert(offsetof(CpaInstanceInfo2, coreAffinity) == 400, "coreAffinity");
_Static_assert(offsetof(CpaInstanceInfo2, nodeAffinity) == 912, "nodeAffinity");
_Static_assert(offsetof(CpaInstanceInfo2, operState) == 916, "operState");
_Static_assert(offsetof(CpaInstanceInfo2, requiresPhysicallyContiguousMemory) == 920, "requiresPhysicallyContiguousMemory");
_Static_assert(offsetof(CpaInstanceInfo2, isPolled) == 924, "isPolled");
_Static_assert(offsetof(CpaInstanceInfo2, isOffloaded) == 928, "isOffloaded");
_Static_assert(sizeof(CpaRxInterruptMetaData) == 24 && offsetof(CpaRxInterruptMetaData, reserved2) == 16,
               "CpaRxInterruptMetaData");
_Static_assert(sizeof(CpaDcCapabilityReq) == 12 && sizeof(CpaDcCapabilityResp) == 8, "capability query");
_Static_assert(sizeof(IcpBufferListDesc) == 16 && sizeof(IcpFlatBufferDesc) == 16, "icp buffer descriptors");

#endif
