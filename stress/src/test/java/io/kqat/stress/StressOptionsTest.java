package io.kqat.stress;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.stress.faults.FaultCase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every mode takes the options README documents, with their defaults; help and usage errors per mode. */
class StressOptionsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return StressMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static <T> T parsed(Class<T> mode, String... args) {
        CommandLine line = StressMain.commandLine(System.out, System.err);
        line.parseArgs(args);
        return mode.cast(line.getSubcommands().get(args[0]).getCommand());
    }

    @Test
    void everyOptionReadmeDocumentsIsTakenByItsMode() throws Exception {
        String readme = Files.readString(Paths.get(System.getProperty("kqat.home"), "README.md"));
        String stress = readme.substring(readme.indexOf("## Stress"), readme.indexOf("### Measured with the long"));
        Map<String, String> rows = new TreeMap<>();
        // | `mode` | options (an escaped \| inside) | proves |
        Matcher row = Pattern.compile("(?m)^\\| `(fuzz|jazzer|faults|soak|bombs|cluster)` \\| ([^|]*(?:\\\\\\|[^|]*)*) \\|")
                .matcher(stress);
        while (row.find()) {
            rows.put(row.group(1), row.group(2));
        }
        assertThat(rows).containsOnlyKeys("fuzz", "jazzer", "faults", "soak", "bombs", "cluster");
        CommandLine line = StressMain.commandLine(System.out, System.err);
        rows.forEach((mode, documented) -> {
            List<String> taken = line.getSubcommands().get(mode).getCommandSpec().options().stream()
                    .map(OptionSpec::longestName).collect(java.util.stream.Collectors.toList());
            Matcher option = Pattern.compile("`(--[a-z-]+)").matcher(documented);
            while (option.find()) {
                assertThat(taken).as("options of %s", mode).contains(option.group(1));
            }
            assertThat(taken.contains("--out")).as("%s takes --out", mode).isEqualTo(!mode.equals("jazzer"));
        });
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        FuzzCommand fuzz = parsed(FuzzCommand.class, "fuzz");
        assertThat(fuzz.inputs).isEqualTo(1_000_000);
        assertThat(fuzz.limitMillis).isEqualTo(20_000);
        assertThat(fuzz.only).isEqualTo(-1);
        assertThat(fuzz.threads).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(fuzz.out.path()).isEqualTo(Paths.get(StressMain.defaultOut()).toAbsolutePath());
        JazzerCommand jazzer = parsed(JazzerCommand.class, "jazzer");
        assertThat(jazzer.minutes).isEqualTo(5);
        assertThat(jazzer.target).isEqualTo(JazzerCommand.Target.decoder);
        FaultsCommand faults = parsed(FaultsCommand.class, "faults");
        assertThat(faults.records).isEqualTo(1_000_000);
        assertThat(faults.cases).isEqualTo(FaultCase.ALL);
        assertThat(faults.seed).isEqualTo(1);
        SoakCommand soak = parsed(SoakCommand.class, "soak");
        assertThat(soak.minutes).isEqualTo(10);
        assertThat(soak.sampleSeconds).isEqualTo(10);
        BombsCommand bombs = parsed(BombsCommand.class, "bombs");
        assertThat(List.of(bombs.producers, bombs.batches, bombs.mib)).containsExactly(8, 1, 256);
        ClusterCommand cluster = parsed(ClusterCommand.class, "cluster");
        assertThat(List.of(cluster.records, cluster.rate, cluster.seed)).containsExactly(1_000_000L, 2000L, 1L);
        assertThat(cluster.faultPercent).isEqualTo(10);
    }

    @Test
    void givenValuesReplaceTheDefaults() {
        FuzzCommand fuzz = parsed(FuzzCommand.class, "fuzz", "--inputs", "2_000", "--seed", "7", "--rungs", "qat, isal",
                "--out", "/tmp/x");
        assertThat(fuzz.inputs).isEqualTo(2000);
        assertThat(fuzz.seed).isEqualTo(7);
        assertThat(ModeList.trimmed(fuzz.rungs)).containsExactly("qat", "isal");
        assertThat(fuzz.out.path()).isEqualTo(Path.of("/tmp/x"));
        assertThat(parsed(FaultsCommand.class, "faults", "--cases", "10,hang").cases).containsExactly("10", "hang");
        assertThat(parsed(JazzerCommand.class, "jazzer", "--target", "framing").target)
                .isEqualTo(JazzerCommand.Target.framing);
        assertThat(parsed(JazzerCommand.class, "jazzer", "--target", "lz4s").target.testClass)
                .isEqualTo("Lz4sConverterFuzzTest");
        ClusterCommand cluster = parsed(ClusterCommand.class, "cluster", "--records", "60_000", "--rate", "500",
                "--fault-percent", "100");
        assertThat(List.of(cluster.records, cluster.rate)).containsExactly(60_000L, 500L);
        assertThat(cluster.faultPercent).isEqualTo(100);
    }

    @Test
    void eachModeHasItsOwnHelp() {
        assertThat(run("fuzz", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: scripts/stress fuzz", "--limit-ms", "Default: 20000");
        out.reset();
        assertThat(run("help", "bombs")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: scripts/stress bombs", "--mib");
    }

    @Test
    void wrongValuesAreUsageErrorsThatSayWhatIsWrong() {
        assertThat(run("fuzz", "--inputs", "many")).isEqualTo(2);
        assertThat(run("jazzer", "--target", "everything")).isEqualTo(2);
        assertThat(run("faults", "--cases", "10,boom")).isEqualTo(2);
        assertThat(run("soak", "--minutes")).isEqualTo(2);
        assertThat(run("--verbose")).isEqualTo(2);
        assertThat(run("cluster", "--fault-percent", "150")).isEqualTo(2);
        assertThat(run("cluster", "--rate", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'many' is not a whole number", "everything",
                "'boom' is not a case", "--minutes", "stress: unknown option '--verbose'", "150 is not in 1..100",
                "--rate must be positive");
    }
}
