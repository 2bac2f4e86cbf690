package io.kqat.codec.backend.isal;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.Probe;
import io.kqat.codec.spi.SelfTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers {@link IsalBackend} when {@code libisal.so.2} loads and passes the self test. Its streaming inflater has a
 * self test of its own, run once per JVM at the first probe: if that fails, the backend still compresses and does not
 * inflate.
 */
public final class IsalProvider implements BackendProvider {
    private static final Logger LOG = LoggerFactory.getLogger(IsalProvider.class);

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
        return SelfTest.verified(name(), new IsalBackend(StreamingInflate.failure() == null), "");
    }

    /** The streaming inflater's self test, run and logged once per JVM: the library does not change under it. */
    private static final class StreamingInflate {
        private static final String FAILURE = SelfTest.streaming(IsalInflateStream::new);

        static {
            if (FAILURE != null) {
                LOG.warn("isal: streaming inflate not offered, {}", FAILURE);
            }
        }

        static String failure() {
            return FAILURE;
        }
    }
}
