package io.kqat.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Setting;
import io.kqat.codec.SettingSamples;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * Each transform takes exactly the codec settings that affect its work, and hands every one it takes to its codec: a
 * setting declared but dropped, or one declared that cannot affect the transform, fails here.
 */
class ConnectSettingsTest {

    @Test
    void gzipCompressTakesWhatAffectsCompressionAndUsesIt() {
        check(GzipCompress.CONFIG_DEF, Setting.Affects.COMPRESSION);
    }

    @Test
    void gzipDecompressTakesWhatAffectsDecompressionAndUsesIt() {
        check(GzipDecompress.CONFIG_DEF, Setting.Affects.DECOMPRESSION);
    }

    private static void check(ConfigDef def, Setting.Affects work) {
        Map<String, String> samples = SettingSamples.takenBy(Setting.Where.CONNECT, work);
        for (Setting<?> s : KqatSettings.ALL) {
            assertThat(def.configKeys().containsKey(s.key())).as("declares %s", s.key())
                    .isEqualTo(samples.containsKey(s.key()));
        }
        CodecConfig config = new GzipTransformConfig(def, samples).codecConfig();
        for (Setting<?> s : KqatSettings.ALL) {
            if (samples.containsKey(s.key())) {
                assertThat(SettingSamples.arrived(config, s)).as("%s reaches the codec", s.key()).isTrue();
            }
        }
    }
}
