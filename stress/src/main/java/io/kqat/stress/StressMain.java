package io.kqat.stress;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Paths;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;

/** The {@code scripts/stress} command: the long forms of the issue-10 instruments, one mode each. */
@Command(name = "scripts/stress", customSynopsis = "scripts/stress MODE [options]", usageHelpWidth = 120,
        description = "The long forms of kqat's stress instruments (the stress module's tests run their short forms).",
        subcommands = {FuzzCommand.class, JazzerCommand.class, FaultsCommand.class, SoakCommand.class,
            BombsCommand.class, ClusterCommand.class, HelpCommand.class},
        footer = {"",
            "Every mode but jazzer takes --out DIR (default stress/target/out): work directories (broker and client "
                + "logs, reports) and failing inputs. 'scripts/stress MODE --help' shows one mode's options. Exit "
                + "codes: 0 pass, 1 a failure was found, 2 usage."})
public final class StressMain {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    /** Where runs keep their work directories and failing inputs unless {@code --out} says otherwise. */
    static String defaultOut() {
        return Paths.get(System.getProperty("kqat.home", "."), "stress", "target", "out").toString();
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        CommandLine line = commandLine(out, err);
        if (argv.length == 0) {
            line.usage(line.getOut());
            return 2;
        }
        return line.execute(argv);
    }

    /** The command tree: modes, their help and usage errors, numbers that may be written {@code 1_000_000}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new StressMain());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setParameterExceptionHandler(new StressUsageErrors());
        line.setUsageHelpWidth(120);
        line.registerConverter(Long.class, StressMain::wholeNumber);
        line.registerConverter(long.class, StressMain::wholeNumber);
        line.registerConverter(Integer.class, s -> Math.toIntExact(wholeNumber(s)));
        line.registerConverter(int.class, s -> Math.toIntExact(wholeNumber(s)));
        ModeList.install(line);
        return line;
    }

    private static long wholeNumber(String text) {
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number");
        }
    }
}
