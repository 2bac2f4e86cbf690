package io.kqat.stress;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** A usage error: what is wrong (an unknown mode or option names the known ones), then the usage; exit code 2. */
final class StressUsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        boolean top = command.getParent() == null;
        String who = top ? "stress" : "stress " + command.getCommandName();
        if (e instanceof UnmatchedArgumentException && !((UnmatchedArgumentException) e).getUnmatched().isEmpty()) {
            String first = ((UnmatchedArgumentException) e).getUnmatched().get(0);
            if (top && !first.startsWith("-")) {
                err.println(who + ": unknown mode '" + first + "'");
            } else if (first.startsWith("-")) {
                err.println(who + ": unknown option '" + first + "' (known: " + known(command) + ")");
            } else {
                err.println(who + ": unexpected argument '" + first + "'");
            }
            UnmatchedArgumentException.printSuggestions(e, err);
        } else {
            err.println(who + ": " + e.getMessage());
        }
        command.usage(err);
        err.flush();
        return 2;
    }

    private static String known(CommandLine command) {
        return command.getCommandSpec().options().stream().filter(o -> !o.usageHelp()).map(OptionSpec::longestName)
                .collect(Collectors.joining(", "));
    }
}
