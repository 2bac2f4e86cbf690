package io.kqat.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.EmulatorControl;
import io.kqat.emulator.Emulators;
import org.junit.jupiter.api.Test;

/** Issue 18 item 4: the start line says whether QAT serves, with which completions, or why it does not. */
class StartLineTest {
    private final EmulatorControl emu = Emulators.control("iova");

    private static GzipCodec codec(String variant) {
        return GzipCodec.create(CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, Emulators.dir(variant).toString())
                .setText(KqatSettings.QAT_REGION_BYTES, "4m").build());
    }

    @Test
    void qatServingAndHowCompletionsArrive() {
        try (GzipCodec codec = codec("iova")) {
            assertThat(StartLine.qat(codec.backends())).startsWith("QAT serves through qat (zero-copy, 2 instance(s), "
                    + "completions event-driven: 1 VF eventfd(s)");
        }
        try (GzipCodec codec = codec("legacy")) {
            assertThat(StartLine.qat(codec.backends())).startsWith("QAT serves through qat-pinned (pinned-copy, 2 "
                    + "instance(s), completions polled with adaptive backoff (qatlib before 26.02");
        }
    }

    @Test
    void aRefusedStartIsNamed() {
        emu.setMaxProcesses(0);
        try (GzipCodec codec = codec("iova")) {
            assertThat(StartLine.qat(codec.backends())).startsWith("QAT not used (qat: icp_sal_userStart(\"SSL\") "
                    + "failed (FAIL): no section (VF) left for this process");
        } finally {
            emu.setMaxProcesses(-1);
        }
    }
}
