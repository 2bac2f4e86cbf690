package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.emulator.Emulators;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 rule 10: qatlib 22.07 to 23.02 ship {@code libqat.so.3} with the same structures; kqat loads it when
 * {@code libqat.so.4} is absent, and runs the pinned-copy mode there (those releases predate the IOVA API).
 */
class ReleaseTest {
    private static Path v3() {
        Path dir = Paths.get(System.getProperty(Emulators.DIR_PROPERTY), "v3");
        assertThat(dir.resolve("libqat.so.3")).as("the emulator's v3 variant").exists();
        assertThat(dir.resolve("libqat.so.4")).doesNotExist();
        return dir;
    }

    @Test
    void libqatSo3IsLoadedWhenSo4IsAbsent() {
        QatLibraries libs = QatLibraries.load(v3());
        assertThat(libs.soname()).isEqualTo("libqat.so.3");
        assertThat(libs.iova()).as("no IOVA API before 26.02").isNull();
        assertThat(libs.origin()).contains("libqat.so.3");
    }

    @Test
    void qatlib2207To2302RunsThePinnedCopyMode() {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, v3().toString())
                .setText(KqatSettings.QAT_TIMEOUT_MS, "5000").build())) {
            assertThat(codec.backend("qat").skipReason()).contains("older than 26.02").contains("libqat.so.3");
            BackendStatus pinned = Emulator.rung(codec, "qat-pinned");
            assertThat(pinned.detail().summary()).contains("(libqat.so.3)");
            byte[] data = new KafkaLikeEvents(1).fill(200_000);
            assertThat(codec.decompress(codec.compress(data))).isEqualTo(data);
            assertThat(codec.backend("qat-pinned").stats().getCompressBatches()).isEqualTo(1);
        }
    }

    @Test
    void preferSo4WhereBothAre() throws Exception {
        assertThat(Files.isRegularFile(Emulator.dir("iova").resolve("libqat.so.4"))).isTrue();
        assertThat(QatLibraries.load(Emulator.dir("iova")).soname()).isEqualTo("libqat.so.4");
    }
}
