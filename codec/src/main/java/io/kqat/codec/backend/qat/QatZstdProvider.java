package io.kqat.codec.backend.qat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.backend.qat.device.SessionKind;
import io.kqat.codec.zstd.spi.ZstdBackendProvider;
import io.kqat.codec.zstd.spi.ZstdProbe;

/** The native QAT zstd rung ({@link QatZstdBackend}), the best zstd rung: a Gen6 (6xxx) with qatlib 26.08+. */
public final class QatZstdProvider implements ZstdBackendProvider {

    @Override
    public String name() {
        return QatZstdBackend.NAME;
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public boolean device() {
        return true;
    }

    @Override
    public ZstdProbe probe(CodecConfig config) {
        return QatZstdProbe.probe(name(), config, SessionKind.ZSTD, QatZstdBackend.MAX_INPUT, QatZstdBackend::new);
    }
}
