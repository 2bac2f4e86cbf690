package io.kqat.stress;

import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** One mode of {@code scripts/stress}: its exit code (0 pass, 1 something was found), and its own help. */
abstract class Mode implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
}
