package io.kqat.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Setting;
import io.kqat.codec.SettingSamples;
import io.kqat.tools.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Every command taking the codec options has one option per setting that affects its work, and each reaches the
 * codec config: an option declared and dropped, or one that cannot affect the command, fails here.
 */
class CliSettingsTest {

    @ParameterizedTest
    @CsvSource({"compress, COMPRESSION", "decompress, DECOMPRESSION", "doctor, BOTH", "bench, BOTH"})
    void everyOptionOfTheCommandReachesTheCodec(String command, Setting.Affects work) {
        Map<String, String> samples = SettingSamples.takenBy(Setting.Where.CLI, work);
        CommandLine root = Main.commandLine(new Streams(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
        CommandLine sub = root.getSubcommands().get(command);
        for (Setting<?> s : KqatSettings.ALL) {
            assertThat(sub.getCommandSpec().findOption(s.cliOption()) != null).as("%s has %s", command, s.cliOption())
                    .isEqualTo(samples.containsKey(s.key()));
        }
        List<String> args = new ArrayList<>(List.of(command));
        for (Setting<?> s : KqatSettings.ALL) {
            if (samples.containsKey(s.key())) {
                args.add(s.cliOption() + "=" + samples.get(s.key()));
            }
        }
        root.parseArgs(args.toArray(new String[0]));
        CodecOptions options = (CodecOptions) sub.getCommandSpec().mixins().values().stream()
                .filter(m -> m.userObject() instanceof CodecOptions).findFirst().orElseThrow().userObject();
        CodecConfig config = options.toConfig();
        for (Setting<?> s : KqatSettings.ALL) {
            if (samples.containsKey(s.key())) {
                assertThat(SettingSamples.arrived(config, s)).as("%s %s", command, s.cliOption()).isTrue();
            }
        }
    }
}
