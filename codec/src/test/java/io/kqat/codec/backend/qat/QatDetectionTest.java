package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.EmulatorControl;
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
        emu.clearNoIommu();
        emu.setHugepageMode(null);
    }

    private static String reason(GzipCodec codec, String rung) {
        BackendStatus r = codec.backend(rung);
        assertThat(r.ready()).as("%s should be skipped", rung).isFalse();
        return r.skipReason();
    }

    @Test
    void librariesAbsent(@TempDir Path empty) {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, empty.toString()).build())) {
            assertThat(reason(codec, "qat")).contains("not loadable").contains("libqat.so.4");
            assertThat(reason(codec, "qat-pinned")).contains("not loadable");
            assertThat(codec.backendName()).isEqualTo("libdeflate");
        }
    }

    @Test
    void noVfioDevice() {
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").setText(KqatSettings.QAT_VFIO_DIR, "/nonexistent/vfio").build())) {
            assertThat(reason(codec, "qat")).contains("not bound to vfio-pci");
            assertThat(reason(codec, "qat-pinned")).contains("not bound to vfio-pci");
            assertThat(codec.backendName()).isEqualTo("libdeflate");
        }
    }

    /** A sysfs tree whose VFIO module parameter says {@code value}, as USDM reads it. */
    private static Path sysfs(Path root, String value) throws Exception {
        Path parameter = root.resolve(QatProbe.NO_IOMMU_PARAMETER);
        Files.createDirectories(parameter.getParent());
        Files.writeString(parameter, value + "\n");
        return root;
    }

    @Test
    void noIommuModeIsReadFromTheVfioModuleParameter(@TempDir Path root) throws Exception {
        Path parameter = sysfs(root, "Y").resolve(QatProbe.NO_IOMMU_PARAMETER);
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").setText(KqatSettings.QAT_SYSFS_ROOT, root.toString()).build())) {
            assertThat(reason(codec, "qat")).contains("no-IOMMU").contains(parameter.toString()).contains("is Y");
            assertThat(codec.backendName()).isEqualTo("qat-pinned");
        }
    }

    @Test
    void deviceNodeNamesAreNotTheSourceOfTruth(@TempDir Path vfio, @TempDir Path root) throws Exception {
        Files.createFile(vfio.resolve("noiommu-0"));
        sysfs(root, "N");
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").setText(KqatSettings.QAT_VFIO_DIR, vfio.toString())
                .setText(KqatSettings.QAT_SYSFS_ROOT, root.toString()).build())) {
            assertThat(codec.backendName()).as("a noiommu-0 node with the parameter at N").isEqualTo("qat");
        }
    }

    @Test
    void theEmulatorsOwnSysfsSaysIommuMode() throws Exception {
        Path parameter = Emulator.dir("iova").resolve("sys").resolve(QatProbe.NO_IOMMU_PARAMETER);
        assertThat(Files.readString(parameter).trim()).isEqualTo("N");
        assertThat(emu.sysfsRoot()).isEqualTo(Emulator.dir("iova").resolve("sys").toString());
    }

    @Test
    void noIommuSeenFromTheMappingCallReturningZero() {
        // In no-IOMMU mode USDM allocates only from huge pages (the rings too): without them qatlib does not start.
        emu.setNoIommu(true);
        emu.setHugepageMode(true);
        try (GzipCodec codec = Emulator.codec("iova")) {
            assertThat(reason(codec, "qat")).contains("qaeMemMapContiguousIova refused the region (returned 0)");
            assertThat(codec.backendName()).isEqualTo("qat-pinned");
        }
    }

    @Test
    void noIommuWithoutHugePagesStopsQatlibFromStarting() {
        emu.setNoIommu(true);
        emu.setHugepageMode(false);
        try (GzipCodec codec = Emulator.codec("iova")) {
            assertThat(reason(codec, "qat")).contains("icp_sal_userStart");
            assertThat(reason(codec, "qat-pinned")).contains("icp_sal_userStart");
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
                        .setText(KqatSettings.QAT_VFIO_DIR, "/nonexistent").mode(io.kqat.codec.Mode.QAT).build()))
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
