package io.kqat.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.tools.cli.KqatVersion;
import io.kqat.tools.cli.Streams;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command tree: help and version everywhere, suggestions for typos, the exit codes. */
class MainTest {

    static Stream<String> commands() {
        List<String> names = Main.commandLine(Streams.system()).getSubcommands().keySet().stream().toList();
        assertThat(names).contains("doctor", "compress", "decompress", "bench", "demo", "help");
        return names.stream();
    }

    /** picocli's own {@code help} command has help but no version: it is not a command of kqat's. */
    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelpAndVersion(String command) {
        Kqat help = Kqat.run(command, "--help").exits(0);
        assertThat(help.stdout()).contains("Usage: kqat " + command).contains("Exit codes:");
        Kqat shortHelp = Kqat.run(command, "-h").exits(0);
        assertThat(shortHelp.stdout()).isEqualTo(help.stdout());
        if (command.equals("help")) {
            return;
        }
        assertThat(help.stdout()).startsWith("Usage: kqat " + command).contains("-V, --version");
        Kqat version = Kqat.run(command, "--version").exits(0);
        assertThat(version.stdout()).startsWith("kqat " + KqatVersion.version() + "\n").contains("Java ");
        assertThat(KqatVersion.version()).as("the project version, filtered in by the build").matches("\\d+\\.\\d+.*");
    }

    @Test
    void topLevelHelpListsEveryCommandAndTheExitCodes() {
        Kqat help = Kqat.run("--help").exits(0);
        commands().forEach(c -> assertThat(help.stdout()).containsPattern("(?m)^  " + c + " "));
        assertThat(help.stdout()).containsPattern("0\\s+success").containsPattern("1\\s+error")
                .containsPattern("2\\s+usage");
        assertThat(Kqat.run("help", "compress").exits(0).stdout()).startsWith("Usage: kqat compress");
        assertThat(Kqat.run("-V").exits(0).stdout()).startsWith("kqat ");
    }

    @Test
    void noCommandShowsTheCommandsAndExits2() {
        Kqat none = Kqat.run().exits(2);
        assertThat(none.stderr()).contains("Missing required subcommand").contains("Commands:").contains("compress");
        assertThat(none.stdout()).isEmpty();
    }

    @Test
    void aMistypedCommandIsSuggestedAndExits2() {
        Kqat typo = Kqat.run("comprss").exits(2);
        assertThat(typo.stderr()).contains("'comprss'").contains("Did you mean: kqat compress");
        assertThat(Kqat.run("frobnicate").exits(2).stderr()).contains("Try 'kqat --help'");
    }

    @Test
    void aMistypedOptionIsSuggestedAndExits2() {
        Kqat typo = Kqat.run("compress", "--levle", "3").exits(2);
        assertThat(typo.stderr()).contains("kqat compress: Unknown option").contains("'--levle'")
                .contains("Possible solutions: --level").contains("Try 'kqat compress --help'");
        assertThat(Kqat.run("doctor", "--jsn").exits(2).stderr()).contains("--json");
        assertThat(Kqat.run("bench", "--level", "1", "--levles", "1,6").exits(2).stderr()).contains("--levels");
    }

    @Test
    void invalidValuesAreUsageErrors() {
        assertThat(Kqat.run("compress", "--level", "11").exits(2).stderr()).contains("--level must be 1..9, got 11");
        assertThat(Kqat.run("compress", "--level", "x").exits(2).stderr()).contains("--level").contains("'x'");
        assertThat(Kqat.run("compress", "--threads", "0").exits(2).stderr()).contains("--threads must be at least 1");
        assertThat(Kqat.run("compress", "--chunk", "lots").exits(2).stderr()).contains("not a byte count");
        assertThat(Kqat.run("compress", "--chunk", "65M").exits(2).stderr()).contains("--chunk must be 1..67108864");
        assertThat(Kqat.run("doctor", "--mode", "turbo").exits(2).stderr()).contains("unknown kqat mode 'turbo'");
        assertThat(Kqat.run("doctor", "--emulator=v9").exits(2).stderr()).contains("--emulator takes iova or legacy");
        assertThat(Kqat.run("decompress", "--max-output", "0").exits(2).stderr()).contains("must be positive");
        assertThat(Kqat.run("bench", "--levels", "1,10").exits(2).stderr()).contains("--levels must be 1..9, got 10");
        assertThat(Kqat.run("bench", "--level", "1", "--levels", "1,6").exits(2).stderr()).contains("not both");
    }
}
