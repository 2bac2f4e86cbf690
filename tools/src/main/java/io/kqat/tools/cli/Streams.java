package io.kqat.tools.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** Where a command reads and writes: the process's standard streams, or a test's. */
public record Streams(InputStream in, PrintStream out, PrintStream err) {

    public static Streams system() {
        return new Streams(System.in, System.out, System.err);
    }
}
