package io.kqat.codec.backend.jdk;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.Probe;

/** java.util.zip: needs nothing but the JVM, so it is the ladder's last resort. */
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
    public boolean lastResort() {
        return true;
    }

    @Override
    public Probe probe(CodecConfig config) {
        return Probe.ready(new JdkBackend());
    }
}
