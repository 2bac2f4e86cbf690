package io.kqat.tools.gzip;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Setting;
import io.kqat.tools.cli.ByteSize;
import io.kqat.tools.cli.CodecWork;
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
public final class DecompressCommand extends GzipFileCommand implements CodecWork {

    @Option(names = "--max-output", paramLabel = "BYTES", converter = ByteSize.class, hidden = true,
            description = "Deprecated spelling of --max-decompressed-bytes.")
    private Long maxOutput;

    DecompressCommand(Streams io) {
        super(io, false);
    }

    @Override
    public Setting.Affects work() {
        return Setting.Affects.DECOMPRESSION;
    }

    /**
     * {@code --max-decompressed-bytes} bounds the output, all members together; without it there is no bound, as
     * gzip has none (memory stays that of the decoder's windows either way).
     */
    @Override
    CodecConfig config(CodecConfig.Builder fromCodecOptions) {
        if (maxOutput != null) {
            if (maxOutput < 1) {
                throw usage("--max-output must be positive, got " + maxOutput);
            }
            warn("kqat: --max-output is deprecated and will be removed in the next release; use --max-decompressed-bytes");
            fromCodecOptions.maxDecompressedBytes(maxOutput);
        }
        return fromCodecOptions.build();
    }

    @Override
    void pipe(GzipCodec codec, InputStream in, OutputStream out) throws IOException {
        CodecConfig config = codec.config();
        GzipPipes.decompress(codec, in, out, config.isSet(KqatSettings.MAX_DECOMPRESSED_BYTES)
                ? config.maxDecompressedBytes() : GzipPipes.UNLIMITED);
    }
}
