package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.BackendStatus;
import io.kqat.testkit.EmulatorControl;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each reason a QAT rung can be skipped for, produced for real, with the rung it leaves in charge and its message.
 * (A missing system qatlib is checked by the kqat command's tests, in a JVM where no emulator library was loaded: once
 * one is, the dynamic linker answers the soname with it.)
 */
class QatDetectionTest {
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void restoreEmulator() {
        emu.configure(2, 64, false);
        emu.setNoIommu(false);
    }

    private static String reason(GzipCodec codec, String rung) {
        BackendStatus r = codec.backend(rung);
        assertThat(r.ready()).as("%s should be skipped", rung).isFalse();
        return r.skipReason();
    }

    @Test
    void librariesAbsent(@TempDir Path empty) {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().option("qat.emulator", empty.toString()).build())) {
            assertThat(reason(codec, "qat")).contains("not loadable").contains("libqat.so.4");
            assertThat(reason(codec, "qat-pinned")).contains("not loadable");
            assertThat(codec.backendName()).isEqualTo("libdeflate");
        }
    }

    @Test
    void noVfioDevice() {
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").option("qat.vfio.dir", "/nonexistent/vfio").build())) {
            assertThat(reason(codec, "qat")).contains("not bound to vfio-pci");
            assertThat(reason(codec, "qat-pinned")).contains("not bound to vfio-pci");
            assertThat(codec.backendName()).isEqualTo("libdeflate");
        }
    }

    @Test
    void vfioInNoIommuModeSeenFromTheDeviceNodes(@TempDir Path vfio) throws Exception {
        Files.createFile(vfio.resolve("noiommu-0"));
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").option("qat.vfio.dir", vfio.toString()).build())) {
            assertThat(reason(codec, "qat")).contains("no-IOMMU");
            assertThat(codec.backendName()).isEqualTo("qat-pinned");
        }
    }

    @Test
    void noIommuSeenFromTheMappingCallReturningZero() {
        emu.setNoIommu(true);
        try (GzipCodec codec = Emulator.codec("iova")) {
            assertThat(reason(codec, "qat")).contains("qaeMemMapContiguousIova refused the region (returned 0)");
            assertThat(codec.backendName()).isEqualTo("qat-pinned");
        }
    }

    @Test
    void symbolsAbsent() {
        try (GzipCodec codec = Emulator.codec("legacy")) {
            assertThat(reason(codec, "qat")).contains("without qaeMemMapContiguousIova");
            assertThat(codec.backendName()).isEqualTo("qat-pinned");
        }
    }

    @Test
    void noInstances() {
        emu.configure(0, 64, false);
        try (GzipCodec codec = Emulator.codec("iova")) {
            assertThat(reason(codec, "qat")).contains("no QAT data compression instances");
            assertThat(reason(codec, "qat-pinned")).contains("no QAT data compression instances");
            assertThat(codec.backendName()).isEqualTo("libdeflate");
        }
    }

    @Test
    void startFailure() {
        emu.configure(2, 64, true);
        try (GzipCodec codec = Emulator.codec("iova")) {
            assertThat(reason(codec, "qat")).contains("icp_sal_userStart");
            assertThat(codec.backendName()).isEqualTo("libdeflate");
        }
    }

    @Test
    void modeQatFailsLoudlyWithoutADevice() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GzipCodec.create(Emulator.config("iova")
                        .option("qat.vfio.dir", "/nonexistent").mode(io.kqat.codec.Mode.QAT).build()))
                .hasMessageContaining("mode qat requires a QAT device").hasMessageContaining("vfio-pci");
    }

    @Test
    void modeSoftwareLeavesTheDeviceAlone() {
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").mode(io.kqat.codec.Mode.SOFTWARE).build())) {
            assertThat(reason(codec, "qat")).contains("mode software");
            assertThat(emu.counter("process_started")).isZero();
        }
    }
}
