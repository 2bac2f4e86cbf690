package io.kqat.codec.backend.qat.memory;

import java.util.Map;

/**
 * What {@code qaeMemAllocNUMA} accepts (qatlib 26.08 {@code qae_mem_common.c}): at most 64 MiB per call, and in 2 MiB
 * huge-page mode (USDM's {@code QAT_MAX_2M_HPG_PER_PROCESS} is a positive number) nothing larger than one 2 MiB slab
 * less its control block. Pinned buffers are capped to a power of two under that, so no allocation is ever refused
 * for its size.
 */
public final class UsdmLimits {
    static final String HUGE_PAGE_VARIABLE = "QAT_MAX_2M_HPG_PER_PROCESS";
    static final long MAX_ALLOCATION = 64L << 20;
    /** The largest power of two under one 2 MiB slab's room (2048 KiB units minus the slab's control block). */
    static final long MAX_HUGE_PAGE_ALLOCATION = 1L << 20;
    /** USDM's own bound on the variable ({@code MAX_ENV_VAL}). */
    private static final long MAX_ENV_VALUE = 0x10000;

    private final boolean hugePageMode;

    UsdmLimits(boolean hugePageMode) {
        this.hugePageMode = hugePageMode;
    }

    /** As USDM decides: a non-empty decimal number in 1..65536 turns huge-page mode on; anything else leaves it off. */
    static UsdmLimits from(Map<String, String> environment) {
        String v = environment.get(HUGE_PAGE_VARIABLE);
        if (v == null || v.isEmpty() || !v.chars().allMatch(Character::isDigit) || v.length() > 6) {
            return new UsdmLimits(false);
        }
        long n = Long.parseLong(v);
        return new UsdmLimits(n > 0 && n <= MAX_ENV_VALUE);
    }

    public static UsdmLimits fromEnvironment() {
        return from(System.getenv());
    }

    boolean hugePageMode() {
        return hugePageMode;
    }

    /** The largest single {@code qaeMemAllocNUMA} kqat makes. */
    long maxAllocation() {
        return hugePageMode ? MAX_HUGE_PAGE_ALLOCATION : MAX_ALLOCATION;
    }

    @Override
    public String toString() {
        return hugePageMode ? "USDM 2 MiB huge-page mode (allocations up to 1 MiB)" : "USDM 4 KiB mode (allocations up to 64 MiB)";
    }
}
