package io.kqat.codec.spi;

import io.kqat.codec.CodecConfig;

/**
 * Probes for one backend and creates it; found through {@link java.util.ServiceLoader}. Probing must be cheap, must
 * never throw, and must never crash the JVM: a library or symbol that is missing becomes a {@link Probe#skipped} reason.
 */
public interface BackendProvider {

    /** Same as {@link Backend#name()} of what it creates. */
    String name();

    /** Position on the ladder: lower is preferred (QAT zero-copy 10, QAT pinned-copy 20, ISA-L 30, libdeflate 40, JDK 100). */
    int rank();

    /** True for hardware rungs, which {@link io.kqat.codec.Mode#SOFTWARE} leaves out. */
    default boolean device() {
        return false;
    }

    /**
     * True for a backend that serves every request with nothing but the JVM (the JDK's): the ladder ends with it, so
     * no request is ever refused.
     */
    default boolean lastResort() {
        return false;
    }

    Probe probe(CodecConfig config);
}
