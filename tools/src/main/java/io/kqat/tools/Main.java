package io.kqat.tools;

import io.kqat.tools.cli.CommandFactory;
import io.kqat.tools.cli.RunErrors;
import io.kqat.tools.cli.SettingOptions;
import io.kqat.tools.cli.Streams;
import io.kqat.tools.cli.UsageErrors;
import java.io.PrintWriter;
import picocli.CommandLine;

/** {@code kqat <command> [options]}: the command-line tool. Exit codes: 0 success, 1 error, 2 usage. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Streams.system()));
    }

    /** Runs one command line against the given streams and returns its exit code. */
    public static int run(String[] args, Streams streams) {
        return commandLine(streams).execute(args);
    }

    /** The command tree, printing to the given streams. */
    public static CommandLine commandLine(Streams streams) {
        CommandLine line = new CommandLine(new KqatCommand(), new CommandFactory(streams));
        line.setOut(new PrintWriter(streams.out(), true));
        line.setErr(new PrintWriter(streams.err(), true));
        line.setParameterExceptionHandler(new UsageErrors());
        line.setExecutionExceptionHandler(new RunErrors());
        SettingOptions.addTo(line);
        return line;
    }
}
