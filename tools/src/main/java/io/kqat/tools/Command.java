package io.kqat.tools;

import java.io.InputStream;
import java.io.PrintStream;

/** One subcommand of {@code kqat}. */
public interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** Full usage text. */
    String help();

    /** @return the process exit code */
    int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception;
}
