package io.kqat.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Setting;
import io.kqat.codec.SettingSamples;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every setting the agent takes reaches the codec config, from the agent's arguments and from a Kafka config. */
class AgentSettingsTest {

    @Test
    void everySettingOfTheAgentArrivesFromItsArguments() {
        Map<String, String> samples = SettingSamples.takenBy(Setting.Where.AGENT, Setting.Affects.BOTH);
        assertThat(samples).as("the agent takes the codec and QAT settings").containsKeys("mode", "decode.strict",
                "max.decompressed.bytes", "qat.region.bytes", "qat.emulator");
        StringBuilder args = new StringBuilder();
        samples.forEach((k, v) -> args.append(args.length() == 0 ? "" : ",").append(k).append('=').append(v));
        CodecConfig config = AgentOptions.parseAgentArgs(args.toString()).codecConfig();
        for (Setting<?> s : KqatSettings.ALL) {
            if (samples.containsKey(s.key())) {
                assertThat(SettingSamples.arrived(config, s)).as("agent argument %s", s.key()).isTrue();
            }
        }
    }

    @Test
    void everySettingOfTheAgentArrivesFromAKafkaConfiguration() {
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("bootstrap.servers", "localhost:9092");
        SettingSamples.takenBy(Setting.Where.AGENT, Setting.Affects.BOTH).forEach((k, v) -> kafka.put("kqat." + k, v));
        CodecConfig config = KqatMetricsReporter.options(kafka).codecConfig();
        for (Setting<?> s : KqatSettings.ALL) {
            if (s.acceptedBy(Setting.Where.AGENT)) {
                assertThat(SettingSamples.arrived(config, s)).as("kqat.%s", s.key()).isTrue();
            }
        }
    }
}
