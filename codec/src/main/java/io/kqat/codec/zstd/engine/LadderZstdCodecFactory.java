package io.kqat.codec.zstd.engine;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.ZstdCodec;
import io.kqat.codec.ZstdCodecFactory;
import io.kqat.codec.zstd.ladder.ZstdLadder;
import io.kqat.codec.zstd.spi.ZstdBackendProvider;
import java.util.List;

/** The zstd engine's entry, found by {@link ZstdCodecFactory#installed()}; also makes codecs over given providers (tests). */
public final class LadderZstdCodecFactory implements ZstdCodecFactory {

    @Override
    public ZstdCodec create(CodecConfig config) {
        return new LadderZstdCodec(config, ZstdLadder.build(config));
    }

    @Override
    public ZstdCodec createUntilFirstBatch(CodecConfig config) {
        return new LadderZstdCodec(config, ZstdLadder.buildUntilFirstBatch(config));
    }

    /** A codec whose ladder has exactly these providers. */
    public static ZstdCodec create(CodecConfig config, List<ZstdBackendProvider> providers) {
        return LadderZstdCodec.create(config, providers);
    }
}
