package io.kqat.stress;

import io.kqat.local.ChildJvm;
import io.kqat.local.KafkaRuntimes;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/stress jazzer}: Jazzer's command-line driver (bundled native libFuzzer) on the target of one
 * {@code @FuzzTest}, in its own JVM with this one's JVM options, for N minutes: new inputs go to
 * {@code stress/target/jazzer/<target>/corpus}, findings to {@code .../findings}; the committed seeds are read too.
 * ({@code JAZZER_FUZZ=1 mvn -pl stress -am verify -Dtest=GzipDecoderFuzzTest} fuzzes through JUnit instead.)
 */
@Command(name = "jazzer", showDefaultValues = true, description = "Coverage-guided fuzzing with Jazzer (JAZZER_FUZZ=1) "
        + "of the decoder, the framing or the LZ4s-to-zstd converter for N minutes, starting from the committed seed "
        + "corpus; reports executions, "
        + "coverage and any finding.")
final class JazzerCommand extends Mode {
    /** A fuzz test class and method of this module's tests. */
    enum Target {
        decoder("GzipDecoderFuzzTest", "decode"),
        framing("GzipFramingFuzzTest", "frame"),
        lz4s("Lz4sConverterFuzzTest", "convert");

        final String testClass;
        final String method;

        Target(String testClass, String method) {
            this.testClass = testClass;
            this.method = method;
        }
    }

    @Option(names = "--minutes", paramLabel = "N", defaultValue = "5", description = "How long to fuzz.")
    long minutes;
    @Option(names = "--target", paramLabel = "decoder|framing|lz4s", defaultValue = "decoder",
            description = "What to fuzz.")
    Target target;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path home = KafkaRuntimes.locate().home();
        Path stress = home.resolve("stress");
        Path work = stress.resolve("target/jazzer").resolve(target.name());
        Files.createDirectories(work.resolve("corpus"));
        Files.createDirectories(work.resolve("findings"));
        Path seeds = stress.resolve("src/test/resources/io/kqat/stress/fuzz/" + target.testClass + "Inputs")
                .resolve(target.method);
        Process jazzer = new ProcessBuilder(command(stress, work, seeds)).directory(home.toFile()).inheritIO().start();
        return jazzer.waitFor();
    }

    private List<String> command(Path stress, Path work, Path seeds) throws IOException {
        Path testClasspath = stress.resolve("target/test-classpath.txt");
        List<String> cmd = new ArrayList<>();
        cmd.add(ChildJvm.thisJava().toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments()); // -Dkqat.home, KQAT_STRESS_JAVA_OPTS
        cmd.add("-cp");
        cmd.add(stress.resolve("target/test-classes") + ":" + stress.resolve("target/classes") + ":"
                + Files.readString(testClasspath).trim());
        cmd.add("com.code_intelligence.jazzer.Jazzer");
        cmd.add("--target_class=io.kqat.stress.fuzz." + target.testClass);
        cmd.add("--instrumentation_includes=io.kqat.**");
        cmd.add("-max_total_time=" + minutes * 60);
        cmd.add("-print_final_stats=1");
        cmd.add("-artifact_prefix=" + work.resolve("findings") + "/");
        cmd.add(work.resolve("corpus").toString());
        cmd.add(seeds.toString());
        return cmd;
    }
}
