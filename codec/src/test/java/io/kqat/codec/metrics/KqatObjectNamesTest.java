package io.kqat.codec.metrics;

import io.kqat.codec.KqatSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.Mode;
import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import org.junit.jupiter.api.Test;

/** The names operators scrape stay what they were, and kqat registers its beans under exactly these names. */
class KqatObjectNamesTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void theNamesAreTheOnesOperatorsAlreadyUse() {
        assertThat(KqatObjectNames.CODEC).isEqualTo("io.kqat:type=GzipCodec");
        assertThat(KqatObjectNames.backend("jdk").toString()).isEqualTo("io.kqat:type=GzipCodec,backend=\"jdk\"");
        assertThat(KqatObjectNames.EVERY_BACKEND).isEqualTo("io.kqat:type=GzipCodec,backend=*");
        assertThat(KqatObjectNames.QAT_RUNTIME).isEqualTo("io.kqat:type=QatRuntime");
        assertThat(KqatObjectNames.rungOf(KqatObjectNames.backend("qat-pinned"))).isEqualTo("qat-pinned");
    }

    @Test
    void theCodecAndEveryRungAreRegisteredUnderThem() throws Exception {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            CodecMetrics.register(codec, () -> 0);
            assertThat(server.getAttribute(KqatObjectNames.codec(), "Backend")).isEqualTo(codec.backendName());
            assertThat(server.queryNames(KqatObjectNames.everyBackend(), null).stream().map(KqatObjectNames::rungOf)
                    .collect(Collectors.toSet()))
                    .isEqualTo(codec.backends().stream().map(BackendStatus::name).collect(Collectors.toSet()));
            assertThat(server.getAttribute(KqatObjectNames.backend("jdk"), "Ready")).isEqualTo(true);
        }
    }

    @Test
    void theQatRuntimeIsPublishedUnderItsName() {
        String emulator = Paths.get(System.getProperty("kqat.emulator.dir"), "iova").toString();
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, emulator).build())) {
            assertThat(codec.backendName()).isEqualTo("qat");
            assertThat(server.isRegistered(KqatObjectNames.qatRuntime())).isTrue();
        }
    }
}
