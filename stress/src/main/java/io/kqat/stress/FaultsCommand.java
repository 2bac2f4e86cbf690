package io.kqat.stress;

import io.kqat.local.LocalKafkaBroker;
import io.kqat.stress.faults.FaultCase;
import io.kqat.stress.faults.FaultsReport;
import io.kqat.stress.faults.FaultsRun;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code scripts/stress faults}: each case through one stock broker; exit 1 on any loss, duplicate or reorder. */
final class FaultsCommand {
    private FaultsCommand() {
    }

    static int run(String[] argv) {
        Args a = new Args(argv, "records", "cases", "seed", "out");
        int records = (int) a.number("records", 1_000_000);
        long seed = a.number("seed", 1);
        List<String> cases = a.list("cases").isEmpty() ? FaultCase.ALL : a.list("cases");
        Path work = Paths.get(a.string("out", StressMain.defaultOut())).toAbsolutePath().resolve("faults-" + System.currentTimeMillis());
        List<FaultsReport> reports = runAll(work, records, seed, cases, Duration.ofMinutes(60));
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
