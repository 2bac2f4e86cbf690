package io.kqat.codec.backend.qat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.backend.qat.device.SessionKind;
import io.kqat.codec.backend.qat.runtime.AlgorithmSupport;
import io.kqat.codec.zstd.libzstd.SequenceCompressor;
import io.kqat.codec.zstd.spi.ZstdBackendProvider;
import io.kqat.codec.zstd.spi.ZstdProbe;

/**
 * The QAT LZ4s zstd rung ({@link QatLz4sBackend}): below native zstd, above libzstd. Needs LZ4s on the device
 * (4xxx, 420xx; a 6xxx in qatlib 26.08 too) and libzstd's sequence API.
 */
public final class QatLz4sProvider implements ZstdBackendProvider {
    /** Gen4/Gen5 history; a Gen6's LZ4s reaches 64 KiB back. */
    static final int GEN4_WINDOW = 32 << 10;
    static final int GEN6_WINDOW = 64 << 10;

    @Override
    public String name() {
        return QatLz4sBackend.NAME;
    }

    @Override
    public int rank() {
        return 20;
    }

    @Override
    public boolean device() {
        return true;
    }

    @Override
    public ZstdProbe probe(CodecConfig config) {
        String noSequences = SequenceCompressor.unavailable();
        if (noSequences != null) {
            return ZstdProbe.skipped(name(), "libzstd's sequence API is needed to entropy-code LZ4s: " + noSequences);
        }
        return QatZstdProbe.probe(name(), config, SessionKind.LZ4S, QatLz4sBackend.MAX_INPUT,
                (process, region, bound, timeouts) -> new QatLz4sBackend(process, region, bound, timeouts,
                        AlgorithmSupport.gen6(process) ? GEN6_WINDOW : GEN4_WINDOW, SequenceCompressor.create()));
    }
}
