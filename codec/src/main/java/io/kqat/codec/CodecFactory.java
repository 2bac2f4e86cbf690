package io.kqat.codec;

import java.util.ServiceLoader;

/**
 * Makes codecs: the link from this API package to the engine that implements it, found through
 * {@link ServiceLoader} (as {@code java.nio.channels.spi.SelectorProvider} is), so the API depends on no
 * implementation package and the implementation depends on the API only.
 */
public interface CodecFactory {

    GzipCodec create(CodecConfig config);

    /** The engine on kqat's class path (kqat's own loader, whatever loaded the caller). */
    static CodecFactory installed() {
        return InstalledFactory.FACTORY;
    }
}
