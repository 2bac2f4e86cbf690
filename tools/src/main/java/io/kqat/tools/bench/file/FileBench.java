package io.kqat.tools.bench.file;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.tools.bench.Progress;
import io.kqat.tools.cli.Streams;
import io.kqat.tools.gzip.FileOptions;
import io.kqat.tools.gzip.GzipPipes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whole-file figures: the file compressed and decompressed through {@code kqat compress}/{@code decompress}'s own code
 * path (in this process, from opening the files to closing them), and by the C tools that are installed, one after the
 * other in one run. Everything writes to files in a work directory; decompressed output goes to {@code /dev/null}.
 */
public final class FileBench {
    private static final Path DISCARD = Path.of("/dev/null");

    private final Path input;
    private final long size;
    private final CodecConfig base;
    private final int threads;
    private final int memberBytes;
    private final int runs;
    private final Path work;
    private final List<Path> searchPath;

    public FileBench(Path input, CodecConfig base, int threads, int memberBytes, int runs, Path work,
                     List<Path> searchPath) throws IOException {
        this.input = input;
        this.size = Files.size(input);
        this.base = base;
        this.threads = threads;
        this.memberBytes = memberBytes;
        this.runs = runs;
        this.work = work;
        this.searchPath = searchPath;
    }

    /** Steps {@link #run} reports to a progress bar for these levels. */
    public static int steps(List<Integer> levels) {
        return levels.size() * (2 + CTool.ALL.size() + 2 * (1 + CTool.ALL.size()));
    }

    /** The tools of {@link CTool#ALL} with a program absent from the search path, and the package to install. */
    public List<String> absentTools() {
        Set<String> absent = new LinkedHashSet<>();
        for (CTool tool : CTool.ALL) {
            for (String program : List.of(tool.compressor(), tool.decompressor())) {
                if (CTool.locate(program, searchPath).isEmpty()) {
                    absent.add(program + " (Debian package " + tool.debianPackage() + ")");
                }
            }
        }
        return new ArrayList<>(absent);
    }

    public List<FileRun> run(List<Integer> levels, Progress progress) throws IOException {
        List<FileRun> results = new ArrayList<>();
        for (int level : levels) {
            Path kqatGz = work.resolve("kqat-" + level + ".gz");
            results.add(kqatCompress(level, threads, kqatGz, progress));
            Path singleThreaded = work.resolve("kqat-" + level + "-1.gz");
            FileRun one = kqatCompress(level, 1, singleThreaded, progress);
            boolean same = Files.mismatch(kqatGz, singleThreaded) == -1;
            results.add(same ? one : withNote(one, "output differs from the " + threads + "-thread run"));
            Files.delete(singleThreaded);
            Path oneMember = null;
            for (CTool tool : CTool.ALL) {
                progress.doing(tool.compressor() + " -" + level);
                Optional<Path> program = CTool.locate(tool.compressor(), searchPath);
                Optional<List<String>> command = program.flatMap(p -> tool.compressCommand(p, level, threads));
                if (command.isPresent()) {
                    Path gz = work.resolve(tool.name() + "-" + level + ".gz");
                    results.add(external(FileRun.COMPRESS, level, null, command.get(), input, gz, progress));
                    oneMember = oneMember == null && tool.threadsFlag() == null ? gz : oneMember;
                }
                progress.step();
            }
            decompressAll(level, kqatGz, "kqat -" + level + " (" + members() + " members)", results, progress);
            if (oneMember != null) {
                decompressAll(level, oneMember, oneMember.getFileName() + " (1 member)", results, progress);
            }
        }
        return results;
    }

    private void decompressAll(int level, Path gz, String label, List<FileRun> results, Progress progress)
            throws IOException {
        progress.doing("kqat decompress " + label);
        CodecConfig config = base.toBuilder().level(level).build();
        results.add(timeKqat(FileRun.DECOMPRESS, level, label, "kqat decompress", config, gz, DISCARD,
                (codec, in, out) -> GzipPipes.decompress(codec, in, out, GzipPipes.UNLIMITED), progress));
        for (CTool tool : CTool.ALL) {
            Optional<Path> program = CTool.locate(tool.decompressor(), searchPath);
            if (program.isPresent()) {
                progress.doing(tool.decompressor() + " " + label);
                results.add(external(FileRun.DECOMPRESS, level, label, tool.decompressCommand(program.get()), gz,
                        DISCARD, progress));
            }
            progress.step();
        }
    }

    private long members() {
        return Math.max(1, (size + memberBytes - 1) / memberBytes);
    }

    private FileRun kqatCompress(int level, int threadCount, Path gz, Progress progress) throws IOException {
        String tool = "kqat compress --threads " + threadCount;
        progress.doing(tool + " -" + level);
        return timeKqat(FileRun.COMPRESS, level, null, tool, base.toBuilder().level(level).build(), input, gz,
                (codec, in, out) -> GzipPipes.compress(codec, in, out, memberBytes, threadCount), progress);
    }

    private interface KqatPipe {
        /** @return the uncompressed bytes read or written */
        long run(GzipCodec codec, InputStream in, OutputStream out) throws IOException;
    }

    /**
     * Best of the runs; the codec is created first (probing the machine is not part of a file's time). The tool's
     * name says which rungs did the work; a run that did not move the whole file is noted.
     */
    private FileRun timeKqat(String direction, int level, String label, String tool, CodecConfig config, Path from,
                             Path to, KqatPipe pipe, Progress progress) throws IOException {
        double best = Double.MAX_VALUE;
        long[] moved = new long[1];
        String rungs;
        try (GzipCodec codec = GzipCodec.create(config)) {
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                FileOptions.transfer(from, to, new Streams(InputStream.nullInputStream(), System.out, System.err),
                        (in, out) -> moved[0] = pipe.run(codec, in, out));
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            rungs = rungsThatWorked(codec, direction.equals(FileRun.COMPRESS));
        }
        progress.step();
        long gzipBytes = Files.size(direction.equals(FileRun.COMPRESS) ? to : from);
        String note = moved[0] == size ? "" : "moved " + moved[0] + " bytes of " + size;
        return new FileRun(direction, level, label, tool + " (" + rungs + ")", true, size, gzipBytes, best, note);
    }

    private static String rungsThatWorked(GzipCodec codec, boolean compress) {
        return codec.backends().stream()
                .filter(r -> (compress ? r.stats().getCompressBatches() : r.stats().getDecompressBatches()) > 0)
                .map(BackendStatus::name).collect(Collectors.joining("+"));
    }

    /** Best of the runs of one program, stdin from {@code from}, stdout to {@code to}; a failure is a row too. */
    private FileRun external(String direction, int level, String label, List<String> command, Path from, Path to,
                             Progress progress) throws IOException {
        double best = Double.MAX_VALUE;
        String note = "";
        for (int i = 0; i < runs && note.isEmpty(); i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectInput(from.toFile()).redirectOutput(to.toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            byte[] err = p.getErrorStream().readAllBytes();
            int exit = waitFor(p);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            if (exit != 0) {
                note = "failed (exit " + exit + "): " + new String(err).strip();
            }
        }
        boolean compress = direction.equals(FileRun.COMPRESS);
        return new FileRun(direction, level, label, CTool.display(command), false, size,
                Files.size(compress ? to : from), note.isEmpty() ? best : Double.NaN, note);
    }

    private static int waitFor(Process p) throws IOException {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + p.info().command().orElse("a tool") + " ran");
        }
    }

    private static FileRun withNote(FileRun r, String note) {
        return new FileRun(r.direction(), r.level(), r.input(), r.tool(), r.kqat(), r.plainBytes(), r.gzipBytes(),
                r.seconds(), note);
    }

    /** Prints what was found missing, so a reader knows which comparisons are absent and why. */
    public void printAbsent(PrintStream out) {
        List<String> absent = absentTools();
        if (!absent.isEmpty()) {
            out.println("not installed, so not compared: " + String.join(", ", absent)
                    + " (scripts/setup-debian.sh installs them)");
        }
    }
}
