package io.kqat.tools;

import io.kqat.codec.GzipCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Set;

/**
 * {@code kqat compress} and {@code kqat decompress}: stdin to stdout or file to file, standard gzip either way (the
 * output of compress is read by {@code gzip -d}; decompress reads anything {@code gzip} writes).
 */
final class CompressCommand implements Command {
    private final boolean compress;

    CompressCommand(boolean compress) {
        this.compress = compress;
    }

    @Override
    public String name() {
        return compress ? "compress" : "decompress";
    }

    @Override
    public String summary() {
        return compress ? "gzip stdin (or --input) to stdout (or --output)" : "gunzip stdin (or --input) to stdout (or --output)";
    }

    @Override
    public String help() {
        return "usage: kqat " + name() + " [--input FILE] [--output FILE] [options]\n"
                + "  reads stdin and writes stdout unless files are given\n"
                + (compress ? "  --chunk BYTES    bytes per gzip member (default 1 MiB)\n"
                        : "  --max-output BYTES  refuse to write more than this (default 256 MiB per member)\n")
                + "  --stats          print the backend used, its mode and bytes copied to stderr (on with --emulator)\n"
                + CodecOptions.HELP;
    }

    @Override
    public int run(String[] argv, InputStream stdin, PrintStream stdout, PrintStream err) throws Exception {
        CliArgs args = new CliArgs(argv, DoctorCommand.union(CodecOptions.VALUED,
                Set.of("input", "output", "chunk", "max-output")), DoctorCommand.union(CodecOptions.FLAGS, Set.of("stats")));
        var config = CodecOptions.from(args);
        if (args.has("max-output")) {
            config = config.toBuilder().maxDecompressedBytes(Long.parseLong(args.get("max-output", null))).build();
        }
        try (GzipCodec codec = GzipCodec.create(config);
             InputStream in = new BufferedInputStream(args.has("input")
                     ? Files.newInputStream(Paths.get(args.get("input", null))) : stdin, 1 << 16);
             OutputStream out = new BufferedOutputStream(args.has("output")
                     ? Files.newOutputStream(Paths.get(args.get("output", null))) : stdout, 1 << 16)) {
            if (compress) {
                try (OutputStream gz = codec.outputStream(nonClosing(out), args.getInt("chunk", 1 << 20))) {
                    in.transferTo(gz);
                }
            } else {
                try (InputStream gz = codec.inputStream(in)) {
                    gz.transferTo(out);
                }
            }
            out.flush();
            if (args.has("stats") || args.has("emulator")) {
                printStats(codec, err);
            }
            err.flush();
        }
        return 0;
    }

    private void printStats(GzipCodec codec, PrintStream err) {
        for (var rung : codec.backends()) {
            var s = rung.stats();
            long calls = compress ? s.getCompressBatches() : s.getDecompressBatches();
            if (s.getErrors() > 0) {
                err.printf("kqat %s: %s failed %d request(s), redone on the next rung%n", name(), rung.name(), s.getErrors());
            }
            if (calls > 0) {
                err.printf("kqat %s: %s (%s), %d member(s), %d -> %d bytes, %d copied in%s%n", name(), rung.name(),
                        rung.mode(), calls,
                        compress ? s.getCompressBytesIn() : s.getDecompressBytesIn(),
                        compress ? s.getCompressBytesOut() : s.getDecompressBytesOut(),
                        compress ? s.getCompressCopiedIn() : s.getDecompressCopiedIn(),
                        rung.detail().summary().isEmpty() ? "" : "; " + rung.detail().summary());
            }
        }
    }

    /** Closing the gzip stream must not close stdout before the launcher is done with it. */
    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        };
    }
}
