package io.kqat.tools;

import io.kqat.codec.KqatException;
import io.kqat.tools.bench.BenchCommand;
import io.kqat.tools.demo.DemoCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** {@code kqat <command> [options]}: the command-line tool. */
public final class Main {
    private static final List<Command> COMMANDS = List.of(
            new DoctorCommand(),
            new CompressCommand(true),
            new CompressCommand(false),
            new BenchCommand(),
            new DemoCommand());

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        Command command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("kqat: unknown command '" + args[0] + "'");
            usage(err);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.asList(rest).contains("--help")) {
            out.print(command.help());
            return 0;
        }
        try {
            return command.run(rest, in, out, err);
        } catch (CliArgs.UsageException e) {
            err.println("kqat " + command.name() + ": " + e.getMessage());
            err.print(command.help());
            return 2;
        } catch (KqatException | IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println("kqat " + command.name() + ": error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("kqat " + command.name() + ": failed: " + e);
            return 1;
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: kqat <command> [options]   (kqat <command> --help for its options)");
        for (Command c : COMMANDS) {
            out.printf("  %-11s %s%n", c.name(), c.summary());
        }
    }
}
