package io.kqat.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.KqatSettings;
import io.kqat.codec.Mode;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void agentArgumentsMapOntoTheCodecConfig() {
        AgentOptions o = AgentOptions.parseAgentArgs(
                "mode=software,qat.region.bytes=64m,qat.emulator=/opt/emu,max.decompressed.bytes=1g,decode.strict=true");
        assertThat(o.off()).isFalse();
        assertThat(o.codecConfig().mode()).isEqualTo(Mode.SOFTWARE);
        assertThat(o.codecConfig().get(KqatSettings.QAT_REGION_BYTES)).isEqualTo(64L << 20);
        assertThat(o.codecConfig().get(KqatSettings.QAT_EMULATOR)).isEqualTo("/opt/emu");
        assertThat(o.codecConfig().maxDecompressedBytes()).isEqualTo(1L << 30);
        assertThat(o.codecConfig().maxBatchDecompressedBytes()).isEqualTo(1L << 30);
        assertThat(o.codecConfig().strictDecode()).isTrue();
    }

    @Test
    void earlierSpellingsStillWork() {
        AgentOptions o = AgentOptions.parseAgentArgs(
                "regionBytes=64m,emulator=/opt/emu,maxDecompressedBytes=1g,strictDecode=true");
        assertThat(o.codecConfig().get(KqatSettings.QAT_REGION_BYTES)).isEqualTo(64L << 20);
        assertThat(o.codecConfig().get(KqatSettings.QAT_EMULATOR)).isEqualTo("/opt/emu");
        assertThat(o.codecConfig().maxDecompressedBytes()).isEqualTo(1L << 30);
        assertThat(o.codecConfig().strictDecode()).isTrue();
    }

    @Test
    void emptyArgumentsMeanAuto() {
        assertThat(AgentOptions.parseAgentArgs(null).codecConfig().mode()).isEqualTo(Mode.AUTO);
        assertThat(AgentOptions.parseAgentArgs("").off()).isFalse();
        assertThat(AgentOptions.parseAgentArgs("").codecConfig().maxBatchDecompressedBytes())
                .as("a Kafka batch has no bound unless one is set, as stock Kafka has none").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void qatOptionsPassThroughToTheBackend() {
        AgentOptions o = AgentOptions.parseAgentArgs("qat.timeout.ms=250,qat.section=DC");
        assertThat(o.codecConfig().get(KqatSettings.QAT_TIMEOUT_MS)).isEqualTo(250L);
        assertThat(o.codecConfig().get(KqatSettings.QAT_SECTION)).isEqualTo("DC");
    }

    @Test
    void offIsItsOwnMode() {
        assertThat(AgentOptions.parseAgentArgs("mode=off").off()).isTrue();
    }

    @Test
    void typosAndBadValuesAreRejectedByName() {
        assertThatThrownBy(() -> AgentOptions.parseAgentArgs("mdoe=qat")).hasMessageContaining("mdoe");
        assertThatThrownBy(() -> AgentOptions.parseAgentArgs("regionBytes=-1")).hasMessageContaining("-1")
                .hasMessageContaining("qat.region.bytes");
        assertThatThrownBy(() -> AgentOptions.parseAgentArgs("mode")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> AgentOptions.parseAgentArgs("mode=turbo")).hasMessageContaining("turbo");
        assertThatThrownBy(() -> AgentOptions.parseAgentArgs("qat.regoin.bytes=1")).hasMessageContaining("qat.regoin.bytes");
        assertThatThrownBy(() -> AgentOptions.parseAgentArgs("decode.strict=yes")).hasMessageContaining("decode.strict");
    }

    @Test
    void settingsTheAgentDoesNotTakeAreRefusedSayingWhere() {
        assertThatThrownBy(() -> AgentOptions.parseAgentArgs("level=1")).hasMessageContaining("level")
                .hasMessageContaining("compression.gzip.level");
    }
}
