package io.kqat.tools.gzip;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.tools.cli.CodecOptions;
import io.kqat.tools.cli.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What compress and decompress share: the codec options, input and output, and {@code --stats} at the end. */
abstract class GzipFileCommand implements Callable<Integer> {
    private final Streams io;
    private final boolean compresses;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CodecOptions codecOptions;

    @Mixin
    private FileOptions files;

    GzipFileCommand(Streams io, boolean compresses) {
        this.io = io;
        this.compresses = compresses;
    }

    /** The codec settings, after checking this command's own options. */
    abstract CodecConfig config(CodecConfig.Builder fromCodecOptions);

    /** Moves the data from {@code in} to {@code out} and closes {@code out}. */
    abstract void pipe(GzipCodec codec, InputStream in, OutputStream out) throws IOException;

    @Override
    public Integer call() throws IOException {
        try (GzipCodec codec = GzipCodec.create(config(codecOptions.builder()))) {
            files.transfer(io, (in, out) -> pipe(codec, in, out));
            if (files.stats || codecOptions.emulated()) {
                CodecStats.print(codec, compresses, spec.qualifiedName(), io.err());
            }
        }
        return 0;
    }

    /** A warning on stderr. */
    void warn(String message) {
        io.err().println(message);
    }

    /** A usage error (exit code 2) about one of this command's options. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
