package io.kqat.tools.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Wrong usage: what is wrong, the likely intended spelling when there is one, and where the help is (or the list of
 * commands, when none was given); exit code 2.
 */
public final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage());
        if (e instanceof UnmatchedArgumentException || command.getSubcommands().isEmpty()) {
            UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + name + " --help' for more information.");
        } else {
            command.usage(err); // no command given: show the commands there are
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
