package io.kqat.tools.gzip;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.tools.cli.ByteSize;
import io.kqat.tools.cli.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kqat decompress}: any gzip (what {@code gzip} writes, several members, every optional header field). */
@Command(name = "decompress", description = "Decompress gzip from stdin (or --input) to stdout (or --output): one or "
        + "more members, any optional header field. Corrupt input is exit code 1; a file named by --output is left "
        + "untouched then.")
public final class DecompressCommand extends GzipFileCommand {

    @Option(names = "--max-output", paramLabel = "BYTES", converter = ByteSize.class,
            description = "Refuse to write more than this, all members together, e.g. 64M (exit code 1); "
                    + "default: no limit.")
    private Long maxOutput;

    DecompressCommand(Streams io) {
        super(io, false);
    }

    @Override
    CodecConfig config(CodecConfig.Builder fromCodecOptions) {
        if (maxOutput != null && maxOutput < 1) {
            throw usage("--max-output must be positive, got " + maxOutput);
        }
        if (maxOutput != null && maxOutput < CodecConfig.DEFAULT_MAX_DECOMPRESSED_BYTES) {
            fromCodecOptions.maxDecompressedBytes(maxOutput); // the codec then refuses early, before inflating it all
        }
        return fromCodecOptions.build();
    }

    @Override
    void pipe(GzipCodec codec, InputStream in, OutputStream out) throws IOException {
        GzipPipes.decompress(codec, in, out, maxOutput == null ? GzipPipes.UNLIMITED : maxOutput);
    }
}
