package io.kqat.stress;

import io.kqat.local.LocalKafkaBroker;
import io.kqat.stress.faults.FaultCase;
import io.kqat.stress.faults.FaultsReport;
import io.kqat.stress.faults.FaultsRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scripts/stress faults}: each case through one stock broker; exit 1 on any loss, duplicate or reorder. */
@Command(name = "faults", showDefaultValues = true, description = "Sequence-numbered records through a real "
        + "broker from a producer with the agent on the QAT emulator failing 1%%/10%%/100%% of requests, or hanging; "
        + "and with a rung that throws Error, RuntimeException or OutOfMemoryError at close. A stock consumer checks every "
        + "record: lost, duplicated, reordered. Reports those, fallbacks, device faults, breaker openings, "
        + "p50/p99/max produce latency and the producer's time per case. Exit 1 on any loss, duplicate or reorder.")
final class FaultsCommand extends Mode {
    @Option(names = "--records", paramLabel = "N", defaultValue = "1000000", description = "Records per case.")
    int records;
    @Option(names = "--cases", paramLabel = "1,10,100,hang,error,runtime,oom", split = ",",
            showDefaultValue = Visibility.NEVER, description = "The cases to run, in order (default: all of them).")
    List<String> cases = new ArrayList<>(FaultCase.ALL);
    @Option(names = "--seed", paramLabel = "S", showDefaultValue = Visibility.NEVER,
            description = "Which requests fail, and the records' bytes (default: 1).")
    long seed = 1;
    @Mixin
    OutDir out;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> chosen = ModeList.trimmed(cases);
        for (String c : chosen) {
            try {
                FaultCase.parse(c);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--cases: '" + c + "' is not a case ("
                        + String.join(",", FaultCase.ALL) + ", none, or a percentage 0..100)");
            }
        }
        Path work = out.run("faults");
        List<FaultsReport> reports = runAll(work, records, seed, chosen, Duration.ofMinutes(60));
        System.out.printf("kqat faults: %d records per case, seed %d, stock broker, producer with the agent on the QAT "
                + "emulator (mode=qat), stock consumer checking (work dir %s)%n", records, seed, work);
        System.out.println("faults: device faults counted by kqat; opened: breaker openings logged / seen by polling CircuitOpen;"
                + " latency: send() to acknowledgement; maxSend: the longest send() call");
        FaultsReport.header(System.out);
        reports.forEach(r -> r.row(System.out));
        reports.forEach(r -> r.detail(System.out));
        return verdict(reports, System.out) ? 0 : 1;
    }

    static List<FaultsReport> runAll(Path work, int records, long seed, List<String> cases, Duration perProgram) {
        try (LocalKafkaBroker broker = LocalKafkaBroker.builder(work.resolve("broker")).start()) {
            return runAll(broker, work, records, seed, cases, perProgram);
        }
    }

    /** Every case through {@code broker} (stock), one topic each. */
    static List<FaultsReport> runAll(LocalKafkaBroker broker, Path work, int records, long seed, List<String> cases,
                                     Duration perProgram) {
        List<FaultsReport> reports = new ArrayList<>();
        FaultsRun runner = new FaultsRun(broker, work);
        for (String id : cases) {
            FaultCase c = FaultCase.parse(id);
            System.err.println("faults: case " + c.name + " ...");
            reports.add(new FaultsReport(c, runner.run(id, c, records, seed, perProgram)));
        }
        return reports;
    }

    /** Passes when nothing was lost, duplicated, reordered or altered, and every fault case really injected faults. */
    static boolean verdict(List<FaultsReport> reports, java.io.PrintStream out) {
        boolean ok = true;
        for (FaultsReport r : reports) {
            if (r.lostDuplicatedReordered() != 0 || r.number("checker.distinct") != r.number("producer.records")) {
                out.println("FAIL " + r.caseName + ": records lost, duplicated, reordered or altered");
                ok = false;
            }
            if (r.deviceFaultsExpected && r.faultsSeen() <= 0) {
                out.println("FAIL " + r.caseName + ": no device fault was injected (does this tree's emulator read "
                        + "kqatemu_set_fail_percent / kqatemu_set_hang_from?)");
                ok = false;
            }
        }
        return ok;
    }
}
