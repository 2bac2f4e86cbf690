package io.kqat.tools.gzip;

import io.kqat.codec.GzipCodec;
import io.kqat.tools.cli.ByteSize;
import io.kqat.tools.cli.CodecOptions;
import io.kqat.tools.cli.Streams;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kqat compress}: standard multi-member gzip that {@code gzip -d} reads, compressed across cores. */
@Command(name = "compress", description = "Compress stdin (or --input) to stdout (or --output) as standard gzip: one "
        + "member per chunk, the chunks compressed in parallel (the output is the same whatever the threads).")
public final class CompressCommand implements Callable<Integer> {
    /** More would only cost memory: two chunks per thread are held at a time. */
    static final long MAX_CHUNK = 1L << 30;

    private final Streams io;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CodecOptions codecOptions;

    @Mixin
    private FileOptions files;

    @Option(names = "--chunk", paramLabel = "BYTES", converter = ByteSize.class,
            description = "Bytes per gzip member, e.g. 1M (default " + GzipCodec.DEFAULT_MEMBER_BYTES + ").")
    private long chunk = GzipCodec.DEFAULT_MEMBER_BYTES;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads compressing members at once (default: the cores, here ${DEFAULT-VALUE}).")
    private int threads = Runtime.getRuntime().availableProcessors();

    CompressCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        if (chunk < 1 || chunk > MAX_CHUNK) {
            throw new ParameterException(spec.commandLine(), "--chunk must be 1.." + MAX_CHUNK + " bytes, got " + chunk);
        }
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        try (GzipCodec codec = GzipCodec.create(codecOptions.toConfig())) {
            files.transfer(io, (in, out) -> GzipPipes.compress(codec, in, out, (int) chunk, threads));
            if (files.stats || codecOptions.emulated()) {
                CodecStats.print(codec, true, spec.qualifiedName(), io.err());
            }
        }
        return 0;
    }
}
