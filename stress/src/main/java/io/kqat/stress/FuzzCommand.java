package io.kqat.stress;

import io.kqat.stress.fuzz.FuzzCampaign;
import io.kqat.stress.fuzz.FuzzReport;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scripts/stress fuzz}: the generator-based campaign; exit 0 only with no failure and no hang. */
@Command(name = "fuzz", showDefaultValues = true, description = "Generated gzip (members from every kqat backend, "
        + "GZIPOutputStream, the gzip tool and hand-made headers with FEXTRA/FNAME/FCOMMENT/FHCRC; multi-member; "
        + "truncations, bit flips, forged CRC/ISIZE, zero padding, trailing garbage, empty input) through every "
        + "decoding rung (qat and qat-pinned on the emulator, isal, libdeflate, jdk) on three paths (decompress, "
        + "inputStream, batchInputStream), each compared with GZIPInputStream. Reports inputs by writer and mutation, "
        + "verdicts per rung and path, who really decoded, hangs (a decode over the time limit) and every failing "
        + "input (seed, index, bytes; saved under --out). Exit 1 on any failure or hang.")
final class FuzzCommand extends Mode {
    @Option(names = "--inputs", paramLabel = "N", defaultValue = "1000000", description = "Inputs to generate.")
    long inputs;
    @Option(names = "--seed", paramLabel = "S", showDefaultValue = Visibility.NEVER,
            description = "Input i of seed S is always the same bytes (default: from the clock).")
    long seed = System.currentTimeMillis() % 100_000;
    @Option(names = "--only", paramLabel = "I", showDefaultValue = Visibility.NEVER,
            description = "Replay input I alone.")
    long only = -1;
    @Option(names = "--threads", paramLabel = "T", showDefaultValue = Visibility.NEVER,
            description = "Decoding threads (default: the cores).")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--rungs", paramLabel = "a,b", split = ",", showDefaultValue = Visibility.NEVER,
            description = "Only these rungs (default: every decoding rung).")
    List<String> rungs = new ArrayList<>();
    @Option(names = "--limit-ms", paramLabel = "MS", defaultValue = "20000",
            description = "A decode taking longer is a hang.")
    long limitMillis;
    @Mixin
    OutDir out;

    @Override
    public Integer call() {
        FuzzCampaign.Settings s = new FuzzCampaign.Settings();
        s.inputs = inputs;
        s.seed = seed;
        s.only = only;
        s.threads = threads;
        s.rungs = ModeList.trimmed(rungs);
        s.decodeLimitMillis = limitMillis;
        s.failureDir = out.path();
        long started = System.nanoTime();
        s.progress = i -> System.err.printf("fuzz: input %d (%.0f s)%n", i, (System.nanoTime() - started) / 1e9);
        System.out.printf("kqat fuzz: %s inputs, seed %d (reproduce one input: scripts/stress fuzz --seed %d --only N%s)%n",
                s.only >= 0 ? "1" : Long.toString(s.inputs), s.seed, s.seed,
                s.rungs.isEmpty() ? "" : " --rungs " + String.join(",", s.rungs));
        FuzzReport report = FuzzCampaign.run(s);
        report.print(System.out, s.seed);
        System.out.println("JVM crashes: 0 (this JVM ran every input to the end)");
        if (report.failureCount() > 0 || report.hang() != null) {
            System.out.println("failing inputs saved under " + s.failureDir);
            return 1;
        }
        return 0;
    }
}
