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

#define CPA_DC_OK 0
#define CPA_DC_INVALID_BLOCK_TYPE (-1)
#define CPA_DC_OVERFLOW (-11)
#define CPA_DC_FATALERR (-13)
#define CPA_DC_INCOMPLETE_FILE_ERR (-15)

#define CPA_DC_DEFLATE 3
#define CPA_DC_DIR_COMPRESS 0
#define CPA_DC_DIR_DECOMPRESS 1
#define CPA_DC_DIR_COMBINED 2
#define CPA_DC_STATELESS 1
#define CPA_DC_CRC32 1
#define CPA_DC_FLUSH_FINAL 1

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

typedef CpaPhysicalAddr (*CpaVirtualToPhysical)(void *virt);
typedef void (*CpaDcCallbackFn)(void *callbackTag, CpaStatus status);

_Static_assert(sizeof(CpaFlatBuffer) == 16, "CpaFlatBuffer");
_Static_assert(sizeof(CpaBufferList) == 32, "CpaBufferList");
_Static_assert(sizeof(CpaDcSessionSetupData) == 52, "CpaDcSessionSetupData");
_Static_assert(sizeof(CpaDcOpData) == 64, "CpaDcOpData");
_Static_assert(offsetof(CpaDcOpData, pCrcData) == 56, "CpaDcOpData.pCrcData");
_Static_assert(sizeof(CpaDcRqResults) == 24, "CpaDcRqResults");

/* Between the emulator's two libraries (not part of qatlib; libqat finds them with dlsym): the IOMMU's view of device
 * addresses, VFIO registration, counters. */
void *kqatemu_iommu_resolve(uint64_t iova, uint64_t len, int *mapped);
int kqatemu_vfio_registered(void);
void kqatemu_vfio_register(int on);
long long kqatemu_usdm_counter(const char *name);
void kqatemu_usdm_set_no_iommu(int on);
void kqatemu_usdm_reset(void);

#endif
