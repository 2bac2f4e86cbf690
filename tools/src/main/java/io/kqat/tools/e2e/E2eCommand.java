package io.kqat.tools.e2e;

import io.kqat.local.KafkaRuntimes;
import io.kqat.local.cpu.MachineLoad;
import io.kqat.local.e2e.E2eResult;
import io.kqat.local.e2e.E2eRow;
import io.kqat.local.e2e.E2eRun;
import io.kqat.local.e2e.E2eSettings;
import io.kqat.local.e2e.E2eTable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kqat e2e}: producer, consumer and broker CPU per record against real local brokers, per codec, as the slope
 * between two run lengths, with throughput and ratio; stock rows and kqat rows (agent in the clients and their broker)
 * in one run. {@code --quick} is the short form CI runs.
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = {"Producer, consumer and broker CPU per record against real local Kafka brokers, per codec:",
                "the slope between a short and a long run (JVM start-up cancels), stock and kqat rows in one run."})
public final class E2eCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--codecs", split = ",", paramLabel = "ROW",
            description = "rows: none, lz4, snappy, zstd, gzip-N, zstd-N, kqat-gzip-N or kqat-zstd-N (kqat with --agent-options), qat-gzip-N or qat-zstd-N "
                    + "(kqat on its QAT emulator, a 4xxx: zstd as LZ4s), qat6-zstd-N (on an emulated 6xxx: native zstd) "
                    + "(default: ${DEFAULT-VALUE})",
            defaultValue = "none,lz4,zstd,gzip-1,gzip-6,kqat-gzip-1,kqat-gzip-6,qat-gzip-6,kqat-zstd-3,qat-zstd-3")
    List<String> codecs;

    @Option(names = "--short", paramLabel = "RECORDS", description = "records in the short run (default 500000; --quick 20000)")
    Long shortRecords;

    @Option(names = "--long", paramLabel = "RECORDS", description = "records in the long run (default 2500000; --quick 100000)")
    Long longRecords;

    @Option(names = "--quick", description = "the short form: none, gzip-6, kqat-gzip-6 and qat-gzip-6 at 20k and 100k records")
    boolean quick;

    @Option(names = "--dataset", paramLabel = "FILE",
            description = "records: a JSON array or one record per line (default: the public GeoNames cities dataset)")
    Path dataset;

    @Option(names = "--batch-size", defaultValue = "65536", description = "producers' batch.size (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--clients", defaultValue = KafkaRuntimes.CLIENTS,
            description = "kafka-clients runtime of the clients: kafka-clients (4.4), kafka-clients-3.9, kafka-clients-3.8")
    String clients;

    @Option(names = "--agent-options", defaultValue = "", paramLabel = "OPTIONS",
            description = "kqat agent options for the kqat rows, e.g. mode=software")
    String agentOptions;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "where brokers and reports go (default: a temporary directory)")
    Path workDir;

    /** Runs the command on its own, before (or without) the {@code kqat} launcher's registration. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new E2eCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = workDir != null ? workDir : Files.createTempDirectory("kqat-e2e-");
        E2eSettings base = quick ? E2eSettings.quick(dir) : E2eSettings.full(dir);
        List<String> rows = quick && spec.commandLine().getParseResult().matchedOption("--codecs") == null ? E2eRow.QUICK : codecs;
        E2eSettings settings = new E2eSettings(rows, shortRecords != null ? shortRecords : base.shortRecords(),
                longRecords != null ? longRecords : base.longRecords(), dataset, batchSize, clients, agentOptions,
                base.jvmArgs(), dir);
        long start = System.nanoTime();
        String loadBefore = MachineLoad.describe();
        List<E2eResult> results = new E2eRun(settings, out).run();
        E2eTable.print(results, settings, out);
        out.printf("(took %.0f s; %s at the start, %s at the end; work directory %s)%n",
                (System.nanoTime() - start) / 1e9, loadBefore, MachineLoad.describe(), dir);
        out.flush();
        return 0;
    }
}
