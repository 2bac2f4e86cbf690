package io.kqat.tools.cli;

import io.kqat.codec.KqatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * A command that failed while running: corrupt input, a file that cannot be read or written, a backend that cannot
 * start. One line naming the command and the cause, exit code 1; anything unexpected also names its type.
 */
public final class RunErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof KqatException || cause instanceof IOException || cause instanceof IllegalArgumentException) {
            err.println(name + ": error: " + describe(cause));
        } else {
            err.println(name + ": failed: " + cause);
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    /** File errors carry only the path as their message; say what happened to it. */
    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists: " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
