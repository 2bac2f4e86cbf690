package io.kqat.stress;

import io.kqat.local.LocalKafkaBroker;
import io.kqat.stress.child.SoakWorkload;
import io.kqat.stress.run.ChildPrograms;
import io.kqat.emulator.Emulators;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scripts/stress soak}: a stock broker and one JVM with the agent on the emulator running 8 producer and 2
 * consumer threads; exit 1 when native memory, mappings, sessions or slots are left after close or grow.
 */
@Command(name = "soak", showDefaultValues = true, description = "8 producer and 2 consumer threads with the agent on "
        + "the emulator: RSS, emulator allocations, mappings and sessions, and slots in use, sampled over time with "
        + "each one's slope per minute; what is left after the clients close and after the codec closes. Exit 1 if "
        + "anything leaks.")
final class SoakCommand extends Mode {
    static final String[] SERIES = {"rssKiB", "allocations", "mappings", "sessions", "slotsInUse"};

    @Option(names = "--minutes", paramLabel = "N", defaultValue = "10", description = "How long the clients run.")
    long minutes;
    @Option(names = "--sample-seconds", paramLabel = "S", defaultValue = "10", description = "Time between samples.")
    long sampleSeconds;
    @Mixin
    OutDir out;

    @Override
    public Integer call() {
        Properties r = soak(out.run("soak"), minutes * 60, sampleSeconds);
        print(r, System.out);
        return leaks(r, System.out) ? 1 : 0;
    }

    static Properties soak(Path work, long seconds, long sampleSeconds) {
        try (LocalKafkaBroker broker = LocalKafkaBroker.builder(work.resolve("broker")).start()) {
            return soak(broker, work, seconds, sampleSeconds);
        }
    }

    /** The soak JVM against {@code broker} (stock), topic {@code soak}. */
    static Properties soak(LocalKafkaBroker broker, Path work, long seconds, long sampleSeconds) {
        String emulator = Emulators.dir("iova").toString();
        return new ChildPrograms(work).program("soak", SoakWorkload.class)
                .jvmArg("-Xms1g").jvmArg("-Xmx1g").jvmArg("-XX:+AlwaysPreTouch") // a fixed heap: RSS growth is native
                .agent("mode=qat,qat.emulator=" + emulator)
                .arg("bootstrap", broker.bootstrapServers()).arg("topic", "soak").arg("emulator", emulator)
                .arg("seconds", seconds).arg("sampleSeconds", sampleSeconds)
                .run(Duration.ofSeconds(seconds + 600));
    }

    static void print(Properties r, PrintStream out) {
        out.printf("kqat soak: %s minutes, 8 producer + 2 consumer threads, agent mode=qat on the emulator, %s samples; "
                + "%s records produced, %s consumed, %s client failures%n", r.getProperty("minutes"), r.getProperty("samples"),
                r.getProperty("produced"), r.getProperty("consumed"), r.getProperty("failures"));
        try {
            Files.readAllLines(Paths.get(r.getProperty("output")), StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> l.startsWith("sample ") || l.startsWith("after ")).forEach(l -> out.println("  " + l));
        } catch (IOException e) {
            out.println("  (no samples: " + e + ")");
        }
        out.printf("%-12s %10s %10s %10s %14s %18s %14s %14s%n", "series", "first", "max", "last", "slope/min",
                "slope/min 2nd half", "after clients", "after codec");
        for (String s : SERIES) {
            out.printf("%-12s %10s %10s %10s %14s %18s %14s %14s%n", s, r.getProperty(s + ".first"), r.getProperty(s + ".max"),
                    r.getProperty(s + ".last"), r.getProperty(s + ".slopePerMinute"), r.getProperty(s + ".slopePerMinute.secondHalf"),
                    r.getProperty(s + ".afterClientsClosed"), r.getProperty(s + ".afterCodecClosed"));
        }
        out.println("kqat in the soak JVM: " + r.getProperty("kqat.total.compressBatches") + " batches compressed, "
                + r.getProperty("kqat.total.decompressBatches") + " decompressed, " + r.getProperty("kqat.total.errors")
                + " device faults, " + r.getProperty("kqat.total.fallbacks") + " fallbacks");
    }

    /** True (and says what) when anything is left after close, or a counter other than RSS grows in the second half. */
    static boolean leaks(Properties r, PrintStream out) {
        boolean leak = false;
        for (String s : new String[] {"allocations", "mappings", "sessions"}) {
            if (Long.parseLong(r.getProperty(s + ".afterCodecClosed")) != 0) {
                out.println("LEAK: " + s + " outstanding after the codec closed: " + r.getProperty(s + ".afterCodecClosed"));
                leak = true;
            }
        }
        if (Long.parseLong(r.getProperty("slotsInUse.afterClientsClosed")) > 0) {
            out.println("LEAK: slots still lent after every client closed: " + r.getProperty("slotsInUse.afterClientsClosed"));
            leak = true;
        }
        if (!"0".equals(r.getProperty("failures")) || Long.parseLong(r.getProperty("consumed")) == 0) {
            out.println("FAIL: client failures " + r.getProperty("failures") + ", consumed " + r.getProperty("consumed"));
            leak = true;
        }
        return leak;
    }
}
