package io.kqat.tools.gzip;

import io.kqat.codec.CodecConfig;
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

/** {@code kqat decompress}: any gzip (what {@code gzip} writes, several members, every optional header field). */
@Command(name = "decompress", description = "Decompress gzip from stdin (or --input) to stdout (or --output): one or "
        + "more members, any optional header field. Corrupt input is exit code 1; a file named by --output is left "
        + "untouched then.")
public final class DecompressCommand implements Callable<Integer> {
    private final Streams io;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CodecOptions codecOptions;

    @Mixin
    private FileOptions files;

    @Option(names = "--max-output", paramLabel = "BYTES", converter = ByteSize.class,
            description = "Refuse to write more than this, all members together, e.g. 64M (exit code 1); "
                    + "default: no limit.")
    private Long maxOutput;

    DecompressCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        CodecConfig.Builder config = codecOptions.builder();
        if (maxOutput != null) {
            if (maxOutput < 1) {
                throw new ParameterException(spec.commandLine(), "--max-output must be positive, got " + maxOutput);
            }
            if (maxOutput < CodecConfig.DEFAULT_MAX_DECOMPRESSED_BYTES) {
                config.maxDecompressedBytes(maxOutput); // the codec then refuses early, before inflating it all
            }
        }
        long limit = maxOutput == null ? GzipPipes.UNLIMITED : maxOutput;
        try (GzipCodec codec = GzipCodec.create(config.build())) {
            files.transfer(io, (in, out) -> GzipPipes.decompress(codec, in, out, limit));
            if (files.stats || codecOptions.emulated()) {
                CodecStats.print(codec, false, spec.qualifiedName(), io.err());
            }
        }
        return 0;
    }
}
