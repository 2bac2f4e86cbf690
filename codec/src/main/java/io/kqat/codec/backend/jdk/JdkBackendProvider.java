package io.kqat.codec.backend.jdk;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.backend.BackendProvider;

public final class JdkBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return JdkBackend.NAME;
    }

    @Override
    public int rank() {
        return 100;
    }

    @Override
    public Probe probe(CodecConfig config) {
        return Probe.ready(new JdkBackend());
    }
}
