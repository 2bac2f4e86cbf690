package io.kqat.stress;

import io.kqat.stress.fuzz.FuzzCampaign;
import io.kqat.stress.fuzz.FuzzReport;
import java.nio.file.Paths;

/** {@code scripts/stress fuzz}: the generator-based campaign; exit 0 only with no failure and no hang. */
final class FuzzCommand {
    private FuzzCommand() {
    }

    static int run(String[] argv) {
        Args a = new Args(argv, "inputs", "seed", "only", "threads", "rungs", "limit-ms", "out");
        FuzzCampaign.Settings s = new FuzzCampaign.Settings();
        s.inputs = a.number("inputs", 1_000_000);
        s.seed = a.number("seed", System.currentTimeMillis() % 100_000);
        s.only = a.number("only", -1);
        s.threads = (int) a.number("threads", Runtime.getRuntime().availableProcessors());
        s.rungs = a.list("rungs");
        s.decodeLimitMillis = a.number("limit-ms", 20_000);
        s.failureDir = Paths.get(a.string("out", StressMain.defaultOut())).toAbsolutePath();
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
