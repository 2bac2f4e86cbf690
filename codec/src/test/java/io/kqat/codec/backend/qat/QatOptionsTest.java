package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.backend.qat.runtime.RequestTimeouts;
import org.junit.jupiter.api.Test;

/** Issue 10 item 5: a request's timeout is short by default and sized to the request. */
class QatOptionsTest {

    @Test
    void aRequestWaitsWellUnderASecondSizedToItsBytes() {
        RequestTimeouts t = QatOptions.from(CodecConfig.defaults()).timeouts();
        assertThat(t.forBytes(64 << 10)).as("64 KiB in, its bound out").isBetween(100_000_000L, 110_000_000L);
        assertThat(t.forBytes(30L << 20)).as("the largest request, input and output").isLessThan(1_000_000_000L);
        assertThat(t.forBytes(1 << 20)).isEqualTo(125_000_000L);
    }

    @Test
    void theEmulatorIsGivenTimeAsItDeflatesOnTheHost() {
        CodecConfig emulated = CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, "/somewhere").build();
        assertThat(QatOptions.from(emulated).timeouts().forBytes(0)).isEqualTo(2_000_000_000L);
        assertThat(QatOptions.from(emulated).vfioDir().toString()).isEqualTo("/somewhere/vfio");
        CodecConfig set = CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, "/somewhere")
                .setText(KqatSettings.QAT_TIMEOUT_MS, "50").setText(KqatSettings.QAT_TIMEOUT_PER_MIB_MS, "0").build();
        assertThat(QatOptions.from(set).timeouts().forBytes(10 << 20)).isEqualTo(50_000_000L);
    }

    @Test
    void badValuesAreRefusedWithTheKey() {
        assertThatThrownBy(() -> CodecConfig.builder().setText(KqatSettings.QAT_TIMEOUT_MS, "0"))
                .hasMessageContaining("qat.timeout.ms");
        assertThatThrownBy(() -> CodecConfig.builder().setText(KqatSettings.QAT_TIMEOUT_PER_MIB_MS, "-1"))
                .hasMessageContaining("qat.timeout.per.mib.ms");
        assertThatThrownBy(() -> CodecConfig.builder().setText(KqatSettings.QAT_REGION_BYTES, "1m"))
                .hasMessageContaining("qat.region.bytes");
    }
}
