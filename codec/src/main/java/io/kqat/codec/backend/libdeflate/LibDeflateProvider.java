package io.kqat.codec.backend.libdeflate;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.Probe;
import io.kqat.codec.spi.SelfTest;

/** Offers {@link LibDeflateBackend} when {@code libdeflate.so.0} loads and passes the self test. */
public final class LibDeflateProvider implements BackendProvider {

    @Override
    public String name() {
        return LibDeflateBackend.NAME;
    }

    @Override
    public int rank() {
        return 40;
    }

    @Override
    public Probe probe(CodecConfig config) {
        String failure = LibDeflateNative.LOAD_FAILURE;
        if (failure != null) {
            return Probe.skipped(name(), failure);
        }
        return SelfTest.verified(name(), new LibDeflateBackend(), "");
    }
}
