package io.kqat.tools.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kqat.codec.GzipCodec;
import io.kqat.samples.KafkaLikeEvents;
import io.kqat.tools.cli.CodecOptions;
import io.kqat.tools.cli.Streams;
import io.kqat.tools.doctor.container.CheckPrinter;
import io.kqat.tools.doctor.container.ContainerChecks;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kqat doctor}: what this machine offers, which backend kqat chooses, and why each better one was skipped. */
@Command(name = "doctor", description = "Show the backends found, the one chosen, and why each better one was skipped; "
        + "then a compress/decompress round trip through the chosen one (exit code 1 if it fails). The same for zstd: "
        + "which zstd rung serves, and whether QAT serves zstd here and why (levels 1-12).")
public final class DoctorCommand implements Callable<Integer> {
    private static final int SAMPLE_BYTES = 256 << 10;

    private final Streams io;

    @Mixin
    private CodecOptions codecOptions;

    @Option(names = "--json", description = "Print the report as JSON (its JSON Schema: doctor-report.schema.json).")
    private boolean json;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that will compress or decompress at once, "
            + "for the instances check (a broker: num.io.threads; default: the cores).")
    private int threads = Runtime.getRuntime().availableProcessors();

    DoctorCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        try (GzipCodec codec = GzipCodec.create(codecOptions.toConfig())) {
            String selfTest = selfTest(codec);
            ZstdSection zstd = ZstdSection.of(codec.config());
            DoctorReport report = DoctorReport.of(codec, selfTest, ContainerChecks.run(codec, threads), zstd);
            if (json) {
                io.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                printText(report, io.out());
            }
            return report.selfTestPassed() ? 0 : 1;
        }
    }

    /**
     * One compress/decompress round trip through the chosen backend, so "ready" is shown to really work. The sample
     * is written into a batch buffer, as the Kafka hook writes records, so a zero-copy rung shows no input copied.
     */
    private static String selfTest(GzipCodec codec) {
        byte[] sample = new KafkaLikeEvents(1).fill(SAMPLE_BYTES);
        try (var lease = codec.acquireBatchBuffer(sample.length)) {
            ByteBuffer batch = lease.buffer();
            batch.put(sample).flip();
            ByteBuffer out = ByteBuffer.allocate(codec.maxCompressedLength(sample.length));
            codec.compress(batch, out);
            byte[] gz = Arrays.copyOf(out.array(), out.position());
            byte[] back = codec.decompress(gz);
            return Arrays.equals(sample, back)
                    ? String.format("%s (256 KiB of JSON events, ratio %.2f)", DoctorReport.SELF_TEST_OK,
                            (double) sample.length / gz.length)
                    : "FAILED: round trip changed the data";
        } catch (RuntimeException e) {
            return "FAILED: " + e;
        }
    }

    private static void printText(DoctorReport r, PrintStream out) {
        out.println("kqat doctor");
        out.printf("  java       %s on %s%n", r.java(), r.os());
        out.printf("  vfio       %s%n", r.vfio());
        out.printf("  emulator   %s%n", r.emulator());
        out.printf("  memlock    %s%n", r.lockedMemoryLimit());
        out.printf("  hugepages  %s%n", r.hugePages());
        out.printf("  qat        %s%n", r.qat());
        out.printf("  level %d, mode %s: compresses with %s, decompresses with %s%n", r.level(), r.mode(), r.chosen(),
                r.decompressesWith());
        out.println("  ladder, best first:");
        for (DoctorReport.Rung rung : r.ladder()) {
            out.printf("    %-11s %-8s %s%n", rung.name(), rung.ready() ? "ready" : "skipped",
                    rung.ready() ? rung.serves() : rung.skipped());
        }
        out.printf("  routes     %s%n", r.routes());
        out.println("  settings (given, or the default):");
        for (DoctorReport.SettingValue s : r.settings()) {
            out.printf("    %-24s %s%s%n", s.key(), s.value(), s.given() ? "" : " (default)");
        }
        out.printf("  self test  %s%n", r.selfTest());
        for (DoctorReport.Rung rung : r.ladder()) {
            if (rung.ready() && !rung.summary().isEmpty()) {
                out.printf("  %s: %s%n", rung.name(), rung.detail());
            }
        }
        printZstd(r.zstd(), out);
        CheckPrinter.print(r.checks(), out);
    }

    private static void printZstd(ZstdSection z, PrintStream out) {
        out.printf("  zstd       mode %s: level 3 compresses with %s, decompresses with %s%n", z.mode(), z.chosen(),
                z.decompressesWith());
        out.printf("  zstd qat   %s%n", z.qat());
        out.printf("  zstd QAT levels %s%n", z.qatLevels());
        out.println("  zstd ladder, best first:");
        for (DoctorReport.Rung rung : z.ladder()) {
            out.printf("    %-11s %-8s %s%n", rung.name(), rung.ready() ? "ready" : "skipped",
                    rung.ready() ? rung.serves() : rung.skipped());
        }
        out.printf("  zstd routes %s%n", z.routes());
        out.printf("  zstd self test %s%n", z.selfTest());
    }
}
