package io.kqat.codec.backend.isal;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.Probe;
import io.kqat.codec.spi.SelfTest;

/** Offers {@link IsalBackend} when {@code libisal.so.2} loads and passes the self test. */
public final class IsalProvider implements BackendProvider {

    @Override
    public String name() {
        return IsalBackend.NAME;
    }

    @Override
    public int rank() {
        return 30;
    }

    @Override
    public Probe probe(CodecConfig config) {
        String failure = IsalNative.LOAD_FAILURE;
        if (failure != null) {
            return Probe.skipped(name(), failure);
        }
        return SelfTest.verified(name(), new IsalBackend(), "");
    }
}
