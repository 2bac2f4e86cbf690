package io.kqat.local.workload;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of every client program run as a child JVM (these workload programs, the stress instruments' children):
 * where the broker is, the topic, and where to write the report. Each program adds its own (picocli); its launcher
 * writes the arguments, so a wrong one is a bug there and fails the program.
 */
public abstract class ProgramOptions {
    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT")
    private String bootstrap;
    @Option(names = "--topic", required = true)
    private String topic;
    @Option(names = "--report", required = true, paramLabel = "FILE")
    private Path report;

    /** {@code options}, filled from {@code argv}. */
    public static <T extends ProgramOptions> T parse(T options, String[] argv) {
        new CommandLine(options).parseArgs(argv);
        return options;
    }

    public String bootstrap() {
        return bootstrap;
    }

    public String topic() {
        return topic;
    }

    public Path report() {
        return report;
    }
}
