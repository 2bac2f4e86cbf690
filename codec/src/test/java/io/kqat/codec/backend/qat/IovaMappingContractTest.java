package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RawRequest;
import io.kqat.codec.nativeio.LibC;
import io.kqat.emulator.EmulatorControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mapping contract as the emulator enforces it, driven through kqat's own bindings. */
class IovaMappingContractTest {
    private static final long MB2 = 2L << 20;
    private static QatLibraries libs;
    private static QatProcess runtime;
    private static EmulatorControl emu;

    @BeforeAll
    static void start() {
        libs = QatLibraries.load(Emulator.dir("iova"));
        emu = Emulator.control("iova");
        runtime = QatProcess.acquire(libs, "SSL");
    }

    @AfterAll
    static void stop() {
        QatProcess.release(runtime);
    }

    private static long anonymous(long size) {
        long addr = LibC.mmap(0, size + MB2, LibC.PROT_READ_WRITE, LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS, -1, 0);
        assertThat(addr).isNotEqualTo(LibC.MAP_FAILED);
        return (addr + MB2 - 1) / MB2 * MB2;
    }

    @Test
    void aMappingIsTwoMebibyteAlignedAndTranslatesEveryAddressInside() {
        long addr = anonymous(4 * MB2);
        long iova = libs.iova().qaeMemMapContiguousIova(new Pointer(addr), 4 * MB2);
        assertThat(iova).isNotZero();
        assertThat(iova % MB2).as("IOVA alignment").isZero();
        assertThat(libs.usdm().qaeVirtToPhysNUMA(new Pointer(addr + 12345))).isEqualTo(iova + 12345);
        assertThat(libs.usdm().qaeVirtToPhysNUMA(new Pointer(addr + 4 * MB2))).as("one past the end").isZero();
        assertThat(libs.iova().qaeMemUnmapContiguousIova(new Pointer(addr), 4 * MB2)).isZero();
        assertThat(libs.iova().qaeMemUnmapContiguousIova(new Pointer(addr), 4 * MB2)).as("unmapped twice").isEqualTo(1);
        assertThat(libs.usdm().qaeVirtToPhysNUMA(new Pointer(addr + 12345))).as("after unmap").isZero();
    }

    @Test
    void refusals() {
        long addr = anonymous(MB2);
        long before = emu.counter("map_refusals");
        assertThat(libs.iova().qaeMemMapContiguousIova(null, MB2)).as("null").isZero();
        assertThat(libs.iova().qaeMemMapContiguousIova(new Pointer(addr), 0)).as("size 0").isZero();
        assertThat(libs.iova().qaeMemMapContiguousIova(new Pointer(addr), 1000)).as("not a page multiple").isZero();
        assertThat(libs.iova().qaeMemMapContiguousIova(new Pointer(addr + 100), MB2)).as("unaligned").isZero();
        assertThat(libs.iova().qaeMemMapContiguousIova(new Pointer(addr), (2L << 30) + 4096)).as("over 2 GiB").isZero();
        assertThat(emu.counter("map_refusals")).isEqualTo(before + 5);
        assertThat(libs.iova().qaeMemUnmapContiguousIova(new Pointer(addr), MB2)).as("never mapped").isEqualTo(1);
        assertThat(libs.iova().qaeMemUnmapContiguousIova(null, MB2)).as("null").isEqualTo(1);
    }

    @Test
    void mappingTwiceOrWrongSizeIsRefused() {
        long addr = anonymous(2 * MB2);
        assertThat(libs.iova().qaeMemMapContiguousIova(new Pointer(addr), 2 * MB2)).isNotZero();
        assertThat(libs.iova().qaeMemMapContiguousIova(new Pointer(addr + MB2), MB2)).as("overlapping").isZero();
        assertThat(libs.iova().qaeMemUnmapContiguousIova(new Pointer(addr), MB2)).as("wrong size").isEqualTo(1);
        assertThat(libs.iova().qaeMemUnmapContiguousIova(new Pointer(addr), 2 * MB2)).isZero();
    }

    @Test
    void noIommuModeRefusesEveryMapping() {
        long addr = anonymous(MB2);
        emu.setNoIommu(true);
        try {
            assertThat(libs.iova().qaeMemMapContiguousIova(new Pointer(addr), MB2)).isZero();
        } finally {
            emu.setNoIommu(false);
        }
    }

    @Test
    void aRequestWhoseMemoryIsNotMappedFaultsLikeAnIommuWould() {
        try (Memory plain = new Memory(4096); Memory out = new Memory(4096); RawRequest r = new RawRequest(runtime)) {
            plain.clear(4096);
            r.prepare(true, true);
            r.source(new RawRequest.Plain(Pointer.nativeValue(plain), 4096), Pointer.nativeValue(plain), 4096, 4096);
            r.destination(new RawRequest.Plain(Pointer.nativeValue(out), 4096), Pointer.nativeValue(out), 4096, 4096);
            long faults = emu.counter("iommu_faults");
            long translationFailures = emu.counter("translation_failures");
            int status = r.run(true);
            // qatlib translates each flat's start at submission: memory USDM does not know is refused there already.
            assertThat(status).as("submission refused (FAIL) or the device faulted").isIn(Integer.MIN_VALUE, CpaStatus.FAIL);
            assertThat(emu.counter("iommu_faults") + emu.counter("translation_failures"))
                    .isEqualTo(faults + translationFailures + 1);
        }
    }
}
