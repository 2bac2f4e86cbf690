package io.kqat.codec.engine;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.CodecFactory;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.spi.BackendProvider;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.zip.Deflater;

/** The engine behind {@link GzipCodec#create}: a codec over the fallback ladder of the providers found. */
public final class LadderCodecFactory implements CodecFactory {

    @Override
    public GzipCodec create(CodecConfig config) {
        return LadderCodec.create(config);
    }

    /** A codec over these providers instead of those {@link java.util.ServiceLoader} finds (embedding, tests). */
    public static GzipCodec create(CodecConfig config, List<BackendProvider> providers) {
        return create(config, providers, LastResortWriter.JDK_DEFLATER);
    }

    /**
     * As {@link #create(CodecConfig, List)}, with the deflater a batch stream's last resort uses once every rung has
     * failed at close (the JDK's: tests give one that fails, as the JDK's does when zlib cannot allocate its state).
     */
    public static GzipCodec create(CodecConfig config, List<BackendProvider> providers,
                                   IntFunction<Deflater> lastResortDeflaters) {
        return LadderCodec.create(Objects.requireNonNull(config, "config"), providers, lastResortDeflaters);
    }
}
