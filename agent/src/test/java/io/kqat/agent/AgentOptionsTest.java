package io.kqat.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.Mode;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void agentArgumentsMapOntoTheCodecConfig() {
        AgentOptions o = AgentOptions.parseAgentArgs("mode=software,regionBytes=64m,emulator=/opt/emu,maxDecompressedBytes=1g");
        assertThat(o.off()).isFalse();
        assertThat(o.codecConfig().mode()).isEqualTo(Mode.SOFTWARE);
        assertThat(o.codecConfig().option("qat.region.bytes", null)).isEqualTo(Long.toString(64L << 20));
        assertThat(o.codecConfig().option("qat.emulator", null)).isEqualTo("/opt/emu");
        assertThat(o.codecConfig().maxDecompressedBytes()).isEqualTo(1L << 30);
    }

    @Test
    void emptyArgumentsMeanAuto() {
        assertThat(AgentOptions.parseAgentArgs(null).codecConfig().mode()).isEqualTo(Mode.AUTO);
        assertThat(AgentOptions.parseAgentArgs("").off()).isFalse();
    }

    @Test
    void qatOptionsPassThroughToTheBackend() {
        AgentOptions o = AgentOptions.parseAgentArgs("qat.timeout.ms=250,qat.section=DC");
        assertThat(o.codecConfig().option("qat.timeout.ms", null)).isEqualTo("250");
        assertThat(o.codecConfig().option("qat.section", null)).isEqualTo("DC");
    }

    @Test
    void strictDecodeReachesTheCodecConfig() {
        assertThat(AgentOptions.parseAgentArgs("strictDecode=true").codecConfig().strictDecode()).isTrue();
        assertThat(AgentOptions.parseAgentArgs("mode=auto").codecConfig().strictDecode()).isFalse();
    }

    @Test
    void offIsItsOwnMode() {
        assertThat(AgentOptions.parseAgentArgs("mode=off").off()).isTrue();
    }

    @Test
    void typosAndBadValuesAreRejectedByName() {
        assertThatThrownBy(() -> AgentOptions.parseAgentArgs("mdoe=qat")).hasMessageContaining("mdoe");
        assertThatThrownBy(() -> AgentOptions.parseAgentArgs("regionBytes=-1")).hasMessageContaining("-1");
        assertThatThrownBy(() -> AgentOptions.parseAgentArgs("mode")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> AgentOptions.parseAgentArgs("mode=turbo")).hasMessageContaining("turbo");
        assertThatThrownBy(() -> AgentOptions.parseAgentArgs("qat.regoin.bytes=1")).hasMessageContaining("qat.regoin.bytes");
    }
}
