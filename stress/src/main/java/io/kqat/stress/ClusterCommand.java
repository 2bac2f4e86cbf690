package io.kqat.stress;

import io.kqat.stress.cluster.ClusterReport;
import io.kqat.stress.cluster.ClusterRun;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scripts/stress cluster}: the stream through three KRaft nodes while they are upgraded, killed, faulted. */
@Command(name = "cluster", showDefaultValues = true, description = "Three KRaft nodes (broker and controller each, "
        + "RF=3, min.insync.replicas=2); a producer with the agent on the QAT emulator (acks=all, idempotent) sends "
        + "sequence-numbered records at a steady rate while the nodes go through a rolling upgrade from stock to kqat, "
        + "a kill -9 of a partition leader, device faults on one broker, a kqat member joining a stock member's consumer "
        + "group, and a rolling downgrade to stock. A stock checker and the group check every record: lost, duplicated, "
        + "reordered, altered. Reports per window the records in flight, acknowledged and produce p50/p99/max. Exit 1 "
        + "on any loss, duplicate, reorder or alteration.")
final class ClusterCommand extends Mode {
    @Option(names = "--records", paramLabel = "N", defaultValue = "1000000",
            description = "Records the five events are spread over (the stream goes on until the last is over).")
    long records;
    @Option(names = "--rate", paramLabel = "R", defaultValue = "2000", description = "Records per second.")
    long rate;
    @Option(names = "--fault-percent", paramLabel = "P", defaultValue = "10",
            description = "Share of requests the one broker's device fails during the faults event.")
    int faultPercent;
    @Option(names = "--seed", paramLabel = "S", showDefaultValue = Visibility.NEVER,
            description = "The records' bytes (default: 1).")
    long seed = 1;
    @Mixin
    OutDir out;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (faultPercent < 1 || faultPercent > 100) {
            throw new ParameterException(spec.commandLine(), "--fault-percent: " + faultPercent + " is not in 1..100");
        }
        if (rate < 1 || records < 60) {
            throw new ParameterException(spec.commandLine(), "--rate must be positive and --records at least 60");
        }
        Path work = out.run("cluster");
        ClusterReport report = new ClusterRun(work, records, rate, faultPercent, seed, Duration.ofMinutes(10)).run();
        System.out.printf("kqat cluster: 3 KRaft nodes, RF=3, min.insync.replicas=2; %d records at %d/s, device faults %d%%, "
                + "seed %d (work dir %s)%n", records, rate, faultPercent, seed, work);
        System.out.println("in flight: records sent before the window ended and acknowledged after it began; latency: "
                + "send() to acknowledgement; lost/dup/reord/alter: what the stock checker found among them");
        report.print(System.out);
        return report.passed(System.out) ? 0 : 1;
    }
}
