package io.kqat.tools.gzip;

import io.kqat.tools.cli.Streams;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Option;

/**
 * {@code --input}, {@code --output} and {@code --stats} of compress and decompress. A file named by {@code --output}
 * appears only complete: the bytes go to a hidden file beside it, renamed over it at the end, and removed on failure
 * or interruption, so a failed run never truncates or replaces what was there. Devices and pipes ({@code /dev/null}) are written as is.
 */
public final class FileOptions {
    @Option(names = "--input", paramLabel = "FILE", description = "Read this file instead of stdin.")
    private Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "Write this file instead of stdout.")
    private Path output;

    @Option(names = "--stats", description = "Print the backend used, its mode and the bytes copied to stderr "
            + "(always on with --emulator).")
    boolean stats;

    /** What a command does between its input and its output. */
    public interface Pipe {
        void run(InputStream in, OutputStream out) throws IOException;
    }

    /** Runs {@code pipe} from the input to the output; the pipe closes the output. */
    public void transfer(Streams io, Pipe pipe) throws IOException {
        transfer(input, output, io, pipe);
    }

    /** As {@link #transfer(Streams, Pipe)} between two files, or stdin/stdout where a path is null. */
    public static void transfer(Path input, Path output, Streams io, Pipe pipe) throws IOException {
        try (InputStream in = input == null ? io.in() : Files.newInputStream(input)) {
            if (output == null) {
                pipe.run(in, keepOpen(io.out()));
            } else if (Files.exists(output) && !Files.isRegularFile(output)) {
                pipe.run(in, Files.newOutputStream(output));
            } else {
                Path partial = output.resolveSibling("." + output.getFileName() + ".kqat-partial");
                partial.toFile().deleteOnExit(); // also when interrupted (Ctrl-C runs the JVM's exit hooks)
                try {
                    pipe.run(in, Files.newOutputStream(partial));
                    Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
        }
    }

    /** Closing the gzip stream must not close stdout before the launcher is done with it. */
    private static OutputStream keepOpen(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
