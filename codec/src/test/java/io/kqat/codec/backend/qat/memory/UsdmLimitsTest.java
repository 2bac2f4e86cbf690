package io.kqat.codec.backend.qat.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BufferLease;
import io.kqat.codec.backend.qat.Emulator;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.emulator.EmulatorControl;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 rule 5: {@code qaeMemAllocNUMA} refuses more than 64 MiB, and in 2 MiB huge-page mode anything over one
 * slab. Pinned staging caps its buffers below what USDM takes (a larger batch is declined and counted), so the
 * emulated USDM, which refuses what the library refuses, never has to.
 */
class UsdmLimitsTest {
    private final EmulatorControl emu = Emulator.control("legacy");

    @AfterEach
    void restore() {
        emu.setHugepageMode(null);
    }

    @Test
    void hugePageModeIsReadAsUsdmReadsIt() {
        assertThat(UsdmLimits.from(Map.of()).hugePageMode()).isFalse();
        assertThat(UsdmLimits.from(Map.of(UsdmLimits.HUGE_PAGE_VARIABLE, "16")).hugePageMode()).isTrue();
        assertThat(UsdmLimits.from(Map.of(UsdmLimits.HUGE_PAGE_VARIABLE, "65536")).hugePageMode()).isTrue();
        assertThat(UsdmLimits.from(Map.of(UsdmLimits.HUGE_PAGE_VARIABLE, "0")).hugePageMode()).isFalse();
        assertThat(UsdmLimits.from(Map.of(UsdmLimits.HUGE_PAGE_VARIABLE, "65537")).hugePageMode()).isFalse();
        assertThat(UsdmLimits.from(Map.of(UsdmLimits.HUGE_PAGE_VARIABLE, "lots")).hugePageMode()).isFalse();
        assertThat(UsdmLimits.from(Map.of(UsdmLimits.HUGE_PAGE_VARIABLE, "")).hugePageMode()).isFalse();
        assertThat(new UsdmLimits(false).maxAllocation()).isEqualTo(64L << 20);
        assertThat(new UsdmLimits(true).maxAllocation()).isEqualTo(1L << 20);
    }

    @Test
    void inHugePageModePinnedBuffersStayWithinOneSlab() {
        inMode(true, (process, staging) -> {
            long refusals = emu.counter("alloc_refusals");
            assertLendsUpToAndNoMore(staging, 1 << 20);
            assertThat(staging.figures().get("pinnedOverLimit")).isEqualTo(1);
            assertThat(emu.counter("alloc_refusals")).as("nothing asked that USDM refuses").isEqualTo(refusals);

            PinnedStaging unaware = new PinnedStaging(process.libs().usdm(), process.memoryNodes(), new UsdmLimits(false));
            assertThat(unaware.lease(2 << 20)).as("2 MiB asked in huge-page mode").isNull();
            assertThat(emu.counter("alloc_refusals")).as("the emulated USDM refuses it").isEqualTo(refusals + 1);
            unaware.close();
        });
    }

    @Test
    void in4KiBModeUpTo64MiB() {
        inMode(false, (process, staging) -> {
            long refusals = emu.counter("alloc_refusals");
            assertLendsUpToAndNoMore(staging, 64 << 20);
            assertThat(emu.counter("alloc_refusals")).isEqualTo(refusals);
        });
    }

    private static void assertLendsUpToAndNoMore(PinnedStaging staging, int max) {
        try (BufferLease largest = staging.lease(max)) {
            assertThat(largest).isNotNull();
        }
        assertThat(staging.lease(max + 1)).as("over USDM's limit: declined by kqat").isNull();
    }

    /** Pinned staging that knows the mode, over the legacy emulator switched to it. */
    private void inMode(boolean hugePages, java.util.function.BiConsumer<QatProcess, PinnedStaging> body) {
        emu.setHugepageMode(hugePages);
        QatProcess process = QatProcess.acquire(QatLibraries.load(Emulator.dir("legacy")), "SSL");
        PinnedStaging staging = new PinnedStaging(process.libs().usdm(), process.memoryNodes(), new UsdmLimits(hugePages));
        try {
            body.accept(process, staging);
        } finally {
            staging.close();
            QatProcess.release(process);
        }
    }
}
