package io.kqat.tools.bench;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.backend.jdk.JdkBackend;
import io.kqat.samples.KafkaLikeEvents;
import io.kqat.tools.bench.file.CTool;
import io.kqat.tools.bench.file.FileBench;
import io.kqat.tools.bench.file.FileRun;
import io.kqat.tools.bench.file.FileTable;
import io.kqat.tools.cli.ByteSize;
import io.kqat.tools.cli.CodecOptions;
import io.kqat.tools.cli.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kqat bench}: compress and decompress throughput and ratio per backend and level on Kafka-sized batches, and
 * with {@code --input} whole-file figures beside the C tools; everything side by side in one run.
 */
@Command(name = "bench", description = {
    "Throughput and ratio of every backend and level on batches of your data (--input) or of generated Kafka-like "
            + "JSON events, one gzip member per batch as Kafka writes them; then zstd: kqat's zstd rungs (QAT, "
            + "libzstd) beside zstd-jni, one frame per batch.",
    "With --input also the whole file through kqat compress and decompress, beside the C tools that are installed "
            + "(gzip, pigz, libdeflate-gzip, igzip), in one run."})
public final class BenchCommand implements Callable<Integer> {
    private final Streams io;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CodecOptions codecOptions;

    @Option(names = "--input", paramLabel = "FILE", description = "Data to measure (default: generated events).")
    private Path input;

    @Option(names = "--size", paramLabel = "BYTES", converter = ByteSize.class,
            description = "Bytes measured in batches: generated, or the first BYTES of --input (default 16M).")
    private long size = 16 << 20;

    @Option(names = "--batch", paramLabel = "BYTES", converter = ByteSize.class,
            description = "Bytes per gzip member, like one Kafka batch (default 64k).")
    private long batch = 64 << 10;

    @Option(names = "--levels", paramLabel = "N", split = ",",
            description = "Comma-separated levels (default " + CodecConfig.MIN_LEVEL + "," + CodecConfig.DEFAULT_LEVEL
                    + "," + CodecConfig.MAX_LEVEL + "; --level N measures one).")
    private List<Integer> levels;

    @Option(names = "--backends", paramLabel = "NAME", split = ",",
            description = "Comma-separated backends, gzip's and zstd's (zstd-jni, qat-zstd, qat-lz4s, libzstd) "
                    + "(default: every one ready here, and zstd-jni; --backend NAME measures one gzip backend).")
    private List<String> backends;

    @Option(names = "--zstd-levels", paramLabel = "N", split = ",",
            description = "Comma-separated levels of the zstd rows (default 1,3,12: QAT serves 1-12).")
    private List<Integer> zstdLevels = ZstdBenchRunner.DEFAULT_LEVELS;

    @Option(names = "--seconds", paramLabel = "S", description = "Measuring time per cell and direction (default 1.0).")
    private double seconds = 1.0;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads of the whole-file kqat compress and pigz (default: the cores, here ${DEFAULT-VALUE}).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--runs", paramLabel = "N", description = "Whole-file runs per tool; the best counts (default 1).")
    private int runs = 1;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write the results as CSV (whole-file runs to FILE with -file before its extension).")
    private Path csv;

    @Option(names = "--png", paramLabel = "FILE", description = "Also draw throughput against ratio as a PNG chart.")
    private Path png;

    BenchCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        List<Integer> levelList = levels();
        if (batch < 1 || batch > Integer.MAX_VALUE || size < 1 || size > Integer.MAX_VALUE - 8 || threads < 1
                || runs < 1 || !(seconds > 0)) {
            throw new ParameterException(spec.commandLine(), "--batch, --size, --threads, --runs and --seconds must be"
                    + " positive (sizes under 2 GiB)");
        }
        CodecConfig base = codecOptions.toConfig().toBuilder().backend(null).build();
        byte[] data = input == null ? new KafkaLikeEvents(42).fill((int) size) : head(input, (int) size);
        if (data.length == 0) {
            throw new ParameterException(spec.commandLine(), "nothing to measure: the input is empty");
        }
        List<String> zstdRows = ZstdBenchRunner.rows(base);
        if (backends != null || codecOptions.backend().isPresent()) {
            zstdRows.retainAll(backends == null ? List.of() : backends);
        }
        List<String> backendList = backends != null ? new ArrayList<>(backends)
                : codecOptions.backend().map(List::of).orElseGet(() -> BenchRunner.readyBackends(base));
        backendList.removeAll(zstdRows);
        PrintStream out = io.out();
        String source = input == null ? "generated Kafka-like JSON events" : input.toString();
        out.printf("kqat bench: %s%.1f MiB of %s in %d-byte batches (one gzip member each), levels %s%n",
                input == null ? "" : "the first ", data.length / 1048576.0, source, batch, levelList);
        if (codecOptions.emulated()) {
            out.println("note: QAT rows run on kqat's emulator (zlib on this CPU): they show the data path and the "
                    + "copies, not a device's speed");
        }
        List<BenchResult> results = new ArrayList<>();
        List<FileRun> fileRuns = List.of();
        Path work = input == null ? null : Files.createTempDirectory("kqat-bench");
        List<BenchResult> zstdResults = new ArrayList<>();
        try (Progress progress = Progress.start(io.err(), "kqat bench", backendList.size() * levelList.size()
                + zstdRows.size() * zstdLevels.size() + (input == null ? 0 : FileBench.steps(levelList)))) {
            BenchRunner runner = new BenchRunner(data, (int) batch, seconds);
            // The first cell measured ran up to 1.6x slow even after its own warm-up (the JIT, the heap still
            // growing): one throwaway cell first, so every measured cell starts from the same state.
            progress.doing("warm-up");
            runner.run(base, JdkBackend.NAME, 1);
            for (String backend : backendList) {
                for (int level : levelList) {
                    progress.doing(backend + " level " + level);
                    BenchResult r = runner.run(base, backend, level);
                    if (r != null) {
                        results.add(r);
                    }
                    progress.step();
                }
            }
            ZstdBenchRunner zstd = new ZstdBenchRunner(data, (int) batch, seconds);
            for (String row : zstdRows) {
                for (int level : zstdLevels) {
                    progress.doing(row + " level " + level);
                    BenchResult r = zstd.run(base, row, level);
                    if (r != null) {
                        zstdResults.add(r);
                    }
                    progress.step();
                }
            }
            FileBench files = input == null ? null : new FileBench(input, base, threads,
                    GzipCodec.DEFAULT_MEMBER_BYTES, runs, work, CTool.systemSearchPath());
            if (files != null) {
                fileRuns = files.run(levelList, progress);
            }
            progress.close();
            BenchTable.print(results, out);
            if (!zstdResults.isEmpty()) {
                out.printf("%nzstd, one frame per batch (kqat's rungs through the batch stream, as Kafka's zstd hook "
                        + "writes; zstd-jni is Kafka's own zstd library), levels %s%n", zstdLevels);
                BenchTable.print(zstdResults, ZstdBenchRunner.STOCK, out);
            }
            if (files != null) {
                out.printf("%nwhole file: %s, %.1f MB; kqat with %d threads and %d-byte members; best of %d run(s)%n",
                        input, Files.size(input) / 1e6, threads, GzipCodec.DEFAULT_MEMBER_BYTES, runs);
                FileTable.print(fileRuns, out);
                files.printAbsent(out);
            }
        } finally {
            deleteTree(work);
        }
        results.addAll(zstdResults);
        writeFiles(results, fileRuns, source);
        return 0;
    }

    private List<Integer> levels() {
        if (levels != null && codecOptions.level().isPresent()) {
            throw new ParameterException(spec.commandLine(), "give --level or --levels, not both");
        }
        List<Integer> list = levels != null ? levels
                : codecOptions.level().map(List::of)
                        .orElse(List.of(CodecConfig.MIN_LEVEL, CodecConfig.DEFAULT_LEVEL, CodecConfig.MAX_LEVEL));
        list.forEach(l -> CodecOptions.checkedLevel(spec, "--levels", l));
        return list;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void writeFiles(List<BenchResult> results, List<FileRun> fileRuns, String source) throws IOException {
        if (csv != null) {
            BenchTable.writeCsv(results, csv);
            io.out().println("csv written to " + csv);
            if (!fileRuns.isEmpty()) {
                Path fileCsv = fileCsv(csv);
                FileTable.writeCsv(fileRuns, fileCsv);
                io.out().println("whole-file csv written to " + fileCsv);
            }
        }
        if (png != null) {
            BenchChart.write(results, fileRuns, "kqat bench: " + source + ", " + batch + "-byte batches", png);
            io.out().println("chart written to " + png);
        }
    }

    /** {@code bench.csv} gives {@code bench-file.csv}. */
    public static Path fileCsv(Path csv) {
        String name = csv.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return csv.resolveSibling(dot > 0 ? name.substring(0, dot) + "-file" + name.substring(dot) : name + "-file");
    }

    /** The first {@code max} bytes of a file: the per-batch figures need them in memory, the whole file need not be. */
    private static byte[] head(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }
}
