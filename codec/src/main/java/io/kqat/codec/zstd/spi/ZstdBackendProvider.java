package io.kqat.codec.zstd.spi;

import io.kqat.codec.CodecConfig;

/**
 * Probes for one zstd backend and creates it; found through {@link java.util.ServiceLoader}. Probing must be cheap,
 * never throw and never crash the JVM: a missing library or symbol becomes a {@link ZstdProbe#skipped} reason.
 */
public interface ZstdBackendProvider {

    String name();

    /** Position on the ladder, lower preferred (QAT zstd 10, QAT LZ4s 20, libzstd 50). */
    int rank();

    /** True for hardware rungs, which {@code zstd.mode=software} leaves out. */
    default boolean device() {
        return false;
    }

    ZstdProbe probe(CodecConfig config);
}
