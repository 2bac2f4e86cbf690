package io.kqat.codec;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Process-wide zstd codecs keyed by config; closed once, at JVM exit. */
final class SharedZstdCodecs {
    private static final ConcurrentMap<CodecConfig, ZstdCodec> CODECS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<CodecConfig, ZstdCodec> UNTIL_FIRST_BATCH = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedZstdCodecs::closeAll, "kqat-zstd-shutdown"));
    }

    private SharedZstdCodecs() {
    }

    static ZstdCodec get(CodecConfig config) {
        return CODECS.computeIfAbsent(config, ZstdCodec::create);
    }

    static ZstdCodec untilFirstBatch(CodecConfig config) {
        return UNTIL_FIRST_BATCH.computeIfAbsent(config, ZstdCodec::createUntilFirstBatch);
    }

    private static void closeAll() {
        CODECS.values().forEach(ZstdCodec::close);
        CODECS.clear();
        UNTIL_FIRST_BATCH.values().forEach(ZstdCodec::close);
        UNTIL_FIRST_BATCH.clear();
    }
}
