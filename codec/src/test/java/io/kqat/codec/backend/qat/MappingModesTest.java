package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.nativeio.LibC;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 rules 8 and 12: USDM's huge-page mode demands 2 MiB-aligned address and size for a mapping (4 KiB
 * otherwise), and the region is marked MADV_DONTFORK as USDM marks its own memory. The region is always 2 MiB aligned
 * in whole 2 MiB pages, so it maps in both modes; strict, the emulated USDM refuses memory without MADV_DONTFORK.
 */
class MappingModesTest {
    private static final long MB2 = 2L << 20;
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void restore() {
        emu.setHugepageMode(null);
        emu.setStrictDontfork(null);
    }

    @Test
    void theRegionMapsInHugePageModeWhereA4KiBMappingIsRefused() {
        emu.setHugepageMode(true);
        assertThat(emu.counter("hugepage_mode")).isEqualTo(1);
        long refusals = emu.counter("map_refusals");
        try (GzipCodec codec = Emulator.codec("iova")) {
            assertThat(codec.backendName()).isEqualTo("qat");
            byte[] data = new KafkaLikeEvents(1).fill(100_000);
            assertThat(codec.decompress(Emulator.compressInBatchMemory(codec, data))).isEqualTo(data);
            assertThat(emu.counter("map_refusals")).isEqualTo(refusals);
            QatLibraries libs = QatLibraries.load(Emulator.dir("iova"));
            long addr = anonymous(2 * MB2) + 4096;
            assertThat(libs.iova().qaeMemMapContiguousIova(new Pointer(addr), 4096)).as("4 KiB in 2 MiB mode").isZero();
            emu.setHugepageMode(false);
            assertThat(libs.iova().qaeMemMapContiguousIova(new Pointer(addr), 4096)).as("4 KiB in 4 KiB mode").isNotZero();
            assertThat(libs.iova().qaeMemUnmapContiguousIova(new Pointer(addr), 4096)).isZero();
        }
    }

    @Test
    void theRegionIsMarkedDontForkSoAStrictUsdmMapsIt() {
        emu.setStrictDontfork(true);
        try (GzipCodec codec = Emulator.codec("iova")) {
            assertThat(codec.backendName()).isEqualTo("qat");
            assertThat(Emulator.rung(codec, "qat").detail().summary()).contains("MADV_DONTFORK)");
            assertThat(emu.counter("mappings_without_dontfork")).isZero();
            QatLibraries libs = QatLibraries.load(Emulator.dir("iova"));
            long plain = anonymous(MB2);
            assertThat(libs.iova().qaeMemMapContiguousIova(new Pointer(plain), MB2)).as("memory without it").isZero();
            assertThat(emu.counter("mappings_without_dontfork")).isEqualTo(1);
        }
    }

    private static long anonymous(long size) {
        long addr = LibC.mmap(0, size + MB2, LibC.PROT_READ_WRITE, LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS, -1, 0);
        assertThat(addr).isNotEqualTo(LibC.MAP_FAILED);
        return (addr + MB2 - 1) / MB2 * MB2;
    }
}
