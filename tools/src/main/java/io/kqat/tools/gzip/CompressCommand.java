package io.kqat.tools.gzip;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.Setting;
import io.kqat.tools.cli.ByteSize;
import io.kqat.tools.cli.CodecWork;
import io.kqat.tools.cli.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kqat compress}: standard multi-member gzip that {@code gzip -d} reads, compressed across cores. */
@Command(name = "compress", description = "Compress stdin (or --input) to stdout (or --output) as standard gzip: one "
        + "member per chunk, the chunks compressed in parallel (the output is the same whatever the threads).")
public final class CompressCommand extends GzipFileCommand implements CodecWork {
    /** Two chunks per thread are held at a time (with their output): larger members would only cost memory. */
    static final long MAX_CHUNK = 64L << 20;

    @Option(names = "--chunk", paramLabel = "BYTES", converter = ByteSize.class,
            description = "Bytes per gzip member, e.g. 1M (default " + GzipCodec.DEFAULT_MEMBER_BYTES + ").")
    private long chunk = GzipCodec.DEFAULT_MEMBER_BYTES;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads compressing members at once (default: the cores, here ${DEFAULT-VALUE}).")
    private int threads = Runtime.getRuntime().availableProcessors();

    CompressCommand(Streams io) {
        super(io, true);
    }

    @Override
    public Setting.Affects work() {
        return Setting.Affects.COMPRESSION;
    }

    @Override
    CodecConfig config(CodecConfig.Builder fromCodecOptions) {
        if (chunk < 1 || chunk > MAX_CHUNK) {
            throw usage("--chunk must be 1.." + MAX_CHUNK + " bytes, got " + chunk);
        }
        if (threads < 1) {
            throw usage("--threads must be at least 1, got " + threads);
        }
        return fromCodecOptions.build();
    }

    @Override
    void pipe(GzipCodec codec, InputStream in, OutputStream out) throws IOException {
        GzipPipes.compress(codec, in, out, (int) chunk, threads);
    }
}
