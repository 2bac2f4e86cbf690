/*
 * The qatlib release a variant's libqat answers as (build-native.sh): v3 is 22.07 (its rules are 23.02's too), legacy
 * 23.08, iova-26.02 26.02, iova 26.08. What differs between them for LZ4s and zstd: the compression types and
 * checksums the session checks accept, which API functions exist, and that 6xxx (with its LZ4s and zstd) is known
 * only from 26.08 (CONFORMANCE.md, rules 20-27).
 */
#ifndef KQAT_QAT_RELEASE_H
#define KQAT_QAT_RELEASE_H

#if defined(KQAT_EMU_QATLIB_V3)
#define QATLIB_RELEASE 2207
#elif defined(KQAT_EMU_EVENTS) && KQAT_EMU_EVENTS == 2602
#define QATLIB_RELEASE 2602
#elif defined(KQAT_EMU_EVENTS)
#define QATLIB_RELEASE 2608
#else
#define QATLIB_RELEASE 2308
#endif

/* CPA_DC_ZSTD and CPA_DC_XXHASH64 exist (cpa_dc.h), cpaDcZstdCompressBound too. */
#define RELEASE_HAS_ZSTD_API (QATLIB_RELEASE >= 2602)
/* cpaDcQueryCapabilityByType exists (25.08). */
#define RELEASE_HAS_CAPABILITY_QUERY (QATLIB_RELEASE >= 2508)
/* SalCtrl_SetDCCaps knows the 6xxx (26.08): only then does a 6xxx have LZ4s and zstd. */
#define RELEASE_KNOWS_6XXX (QATLIB_RELEASE >= 2608)

#endif
