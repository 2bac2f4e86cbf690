package io.kqat.stress.fuzz;

import io.kqat.codec.GzipCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The generator-based campaign: input {@code i} of seed {@code s} is always the same bytes (generated from the pair),
 * decoded by {@link java.util.zip.GZIPInputStream} and by every rung on every path, each decode under the watchdog's
 * time bound. Failing inputs are kept (in the report and as files) to be replayed with {@code --only i}.
 */
public final class FuzzCampaign {
    /** What to run. */
    public static final class Settings {
        public long inputs = 10_000;
        public long seed = 1;
        public long only = -1;
        public int threads = Runtime.getRuntime().availableProcessors();
        public long decodeLimitMillis = 20_000;
        public List<String> rungs = new ArrayList<>();
        public Path failureDir;
        public LongConsumer progress = n -> { };
    }

    private FuzzCampaign() {
    }

    public static FuzzReport run(Settings s) {
        FuzzReport report = new FuzzReport();
        long start = System.nanoTime();
        try (Rungs rungs = new Rungs(s.rungs); Watchdog watchdog = new Watchdog(s.threads, s.decodeLimitMillis)) {
            MemberWriters writers = new MemberWriters(MemberWriters.compressing(new ArrayList<>(rungs.codecs().values())),
                    new GzipCliPool(s.seed, 36));
            AtomicLong next = new AtomicLong(s.only >= 0 ? s.only : 0);
            long end = s.only >= 0 ? s.only + 1 : s.inputs;
            List<Thread> workers = new ArrayList<>();
            List<Throwable> harnessErrors = new ArrayList<>();
            for (int t = 0; t < s.threads; t++) {
                Watchdog.Slot slot = watchdog.slot(t);
                Thread w = new Thread(() -> {
                    try {
                        long i;
                        while ((i = next.getAndIncrement()) < end && watchdog.hang() == null) {
                            one(i, s, rungs.codecs(), writers, slot, report);
                            if (i % 10_000 == 0) {
                                s.progress.accept(i);
                                if (report.failureCount() > 0) {
                                    System.err.println("fuzz: " + report.failureCount() + " failing decodes so far");
                                }
                            }
                        }
                    } catch (RuntimeException | Error e) {
                        synchronized (harnessErrors) {
                            harnessErrors.add(e);
                        }
                    }
                }, "kqat-fuzz-" + t);
                w.setDaemon(true); // a worker stuck in a hang must not keep the JVM alive
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) {
                while (w.isAlive() && watchdog.hang() == null) {
                    w.join(200);
                }
            }
            report.hang = watchdog.hang();
            if (report.hang != null && s.failureDir != null) {
                long i = watchdog.hungIndex();
                save(s, i, input(s.seed, i, writers).bytes);
            }
            if (!harnessErrors.isEmpty()) {
                throw new IllegalStateException("the fuzzing harness itself failed", harnessErrors.get(0));
            }
            report.servedBy = rungs.servedBy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        report.nanos = System.nanoTime() - start;
        return report;
    }

    /** Input {@code index} of {@code seed}: a function of the pair and of the writers (the same rungs). */
    static Mutator.Mutated input(long seed, long index, MemberWriters writers) {
        SplittableRandom r = random(seed, index);
        Layout layout = writers.next(r);
        Mutator.Mutated m = Mutator.mutate(r, layout);
        return new Mutator.Mutated(m.bytes, m.what + " of " + layout.writers());
    }

    private static SplittableRandom random(long seed, long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1);
    }

    private static void one(long i, Settings s, Map<String, GzipCodec> codecs, MemberWriters writers,
                            Watchdog.Slot slot, FuzzReport report) {
        SplittableRandom r = random(s.seed, i);
        Layout layout = writers.next(r);
        Mutator.Mutated m = Mutator.mutate(r, layout);
        long bound = r.nextInt(10) == 0 ? 1 + r.nextInt(64 << 10) : 0;
        Watchdog.start(slot, i, "GZIPInputStream");
        Outcome oracle = Oracle.decode(m.bytes);
        Watchdog.end(slot);
        report.input(m.what, layout.writers(), oracle.ok());
        Judge judge = new Judge(m.bytes, oracle);
        for (Map.Entry<String, GzipCodec> e : codecs.entrySet()) {
            for (DecodePath path : DecodePath.values()) {
                long pathBound = path == DecodePath.BATCH ? 0 : bound; // Kafka's read path has no bound of its own
                SplittableRandom pr = new SplittableRandom(r.nextLong());
                Watchdog.start(slot, i, e.getKey() + "/" + path);
                Outcome o = path.decode(e.getValue(), m.bytes, pathBound, pr);
                Watchdog.end(slot);
                Verdict v = judge.judge(o, pathBound, e.getKey());
                report.verdict(e.getKey(), path, v);
                if (!v.pass) {
                    String detail = "kqat " + o + "; GZIPInputStream " + oracle + "; bound " + pathBound
                            + "; input: " + m.what + " of " + layout.writers();
                    report.failure(new FuzzReport.Failure(i, e.getKey() + "/" + path, v, detail, m.bytes));
                    save(s, i, m.bytes);
                }
            }
        }
    }

    private static void save(Settings s, long index, byte[] bytes) {
        if (s.failureDir == null) {
            return;
        }
        try {
            Files.createDirectories(s.failureDir);
            Files.write(s.failureDir.resolve("fuzz-seed" + s.seed + "-input" + index + ".bin"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
