package io.kqat.stress;

import java.io.PrintStream;
import java.util.Arrays;

/** The {@code scripts/stress} command: the long forms of the issue-10 instruments. */
public final class StressMain {
    static final String USAGE = String.join("\n",
            "usage: scripts/stress MODE [options]",
            "",
            "  fuzz     [--inputs N (1000000)] [--seed S] [--only I] [--threads T] [--rungs a,b] [--limit-ms MS (20000)] [--out DIR]",
            "           Generated gzip (members from every kqat backend, GZIPOutputStream, the gzip tool and hand-made",
            "           headers with FEXTRA/FNAME/FCOMMENT/FHCRC; multi-member; truncations, bit flips, forged CRC/ISIZE,",
            "           zero padding, trailing garbage, empty input) through every decoding rung (qat and qat-pinned on",
            "           the emulator, isal, libdeflate, jdk) on three paths (decompress, inputStream, batchInputStream),",
            "           each compared with GZIPInputStream. Reports inputs by writer and mutation, verdicts per rung and",
            "           path, who really decoded, hangs (a decode over the time limit) and every failing input (seed,",
            "           index, bytes; saved under --out). Exit 1 on any failure or hang.",
            "  jazzer   [--minutes N (5)] [--target decoder|framing]",
            "           Coverage-guided fuzzing with Jazzer (JAZZER_FUZZ=1) of the decoder or the framing for N minutes,",
            "           starting from the committed seed corpus; reports executions, coverage and any finding.",
            "  faults   [--records N (1000000)] [--cases 1,10,100,hang,error,runtime,oom] [--seed S]",
            "           Sequence-numbered records through a real broker from a producer with the agent on the QAT",
            "           emulator failing 1%/10%/100% of requests, or hanging; and with a rung that throws Error,",
            "           RuntimeException or OutOfMemoryError at close. A stock consumer checks every record: lost,",
            "           duplicated, reordered. Reports those, fallbacks, device faults, breaker openings, p50/p99/max",
            "           produce latency and the producer's time per case. Exit 1 on any loss, duplicate or reorder.",
            "  soak     [--minutes N (10)] [--sample-seconds S (10)]",
            "           8 producer and 2 consumer threads with the agent on the emulator: RSS, emulator allocations,",
            "           mappings and sessions, and slots in use, sampled over time with each one's slope per minute;",
            "           what is left after the clients close and after the codec closes. Exit 1 if anything leaks.",
            "  bombs    [--producers N (8)] [--batches B (1)] [--mib M (256)]",
            "           A broker with the agent at -Xmx512m and a stock broker, same settings, each taking N concurrent",
            "           producers sending batches of M MiB of zeros: what each accepted and its heap high-water mark.",
            "           Exit 1 if the kqat broker dies or accepts something else than the stock broker.",
            "",
            "Every mode but jazzer takes --out DIR (default stress/target/out): work directories (broker and client logs,",
            "reports) and failing inputs. Exit codes: 0 pass, 1 a failure was found, 2 usage.");

    private StressMain() {
    }

    /** Where runs keep their work directories and failing inputs unless {@code --out} says otherwise. */
    static String defaultOut() {
        return java.nio.file.Paths.get(System.getProperty("kqat.home", "."), "stress", "target", "out").toString();
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
            out.println(USAGE);
            return argv.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        try {
            switch (argv[0]) {
                case "fuzz":
                    return FuzzCommand.run(rest);
                case "faults":
                    return FaultsCommand.run(rest);
                case "soak":
                    return SoakCommand.run(rest);
                case "bombs":
                    return BombsCommand.run(rest);
                default:
                    throw new Args.UsageException("unknown mode '" + argv[0] + "'");
            }
        } catch (Args.UsageException e) {
            err.println("stress: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }
}
