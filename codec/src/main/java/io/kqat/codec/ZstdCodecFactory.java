package io.kqat.codec;

import java.util.Iterator;
import java.util.ServiceLoader;

/** Makes zstd codecs: the link from this API package to the zstd engine, found through {@link ServiceLoader}. */
public interface ZstdCodecFactory {

    ZstdCodec create(CodecConfig config);

    /**
     * The codec the agent serves Kafka's zstd from until the first zstd batch when the device may start later
     * ({@code zstd.mode} auto): the software rungs only; the QAT rungs are listed as starting at the first batch.
     */
    ZstdCodec createUntilFirstBatch(CodecConfig config);

    /** The zstd engine on kqat's class path (kqat's own loader). */
    static ZstdCodecFactory installed() {
        return Installed.FACTORY;
    }

    /** Looked up once: the class path of a loaded class does not change. */
    final class Installed {
        static final ZstdCodecFactory FACTORY = find();

        private Installed() {
        }

        private static ZstdCodecFactory find() {
            Iterator<ZstdCodecFactory> found =
                    ServiceLoader.load(ZstdCodecFactory.class, ZstdCodecFactory.class.getClassLoader()).iterator();
            if (!found.hasNext()) {
                throw new KqatException("kqat's zstd engine is not on the class path (META-INF/services/"
                        + ZstdCodecFactory.class.getName() + " of kqat-codec)");
            }
            return found.next();
        }
    }
}
