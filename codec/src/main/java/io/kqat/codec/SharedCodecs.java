package io.kqat.codec;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Process-wide codecs keyed by config; closed once, at JVM exit, after every client is gone. */
final class SharedCodecs {
    private static final ConcurrentMap<CodecConfig, GzipCodec> CODECS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedCodecs::closeAll, "kqat-shutdown"));
    }

    private SharedCodecs() {
    }

    static GzipCodec get(CodecConfig config) {
        return CODECS.computeIfAbsent(config, GzipCodec::create);
    }

    private static void closeAll() {
        CODECS.values().forEach(GzipCodec::close);
        CODECS.clear();
    }
}
