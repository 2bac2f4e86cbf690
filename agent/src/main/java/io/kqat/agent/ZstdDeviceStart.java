package io.kqat.agent;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.ZstdCodec;
import io.kqat.codec.ZstdMode;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When Kafka's zstd may use the QAT rungs (zstd.mode auto, no rung forced), the hook starts with kqat's software rungs
 * only, which load no QAT library, and the whole ladder starts off the path of the first zstd batch, on a thread of its
 * own ({@code kqat-zstd-start}), as gzip's hook does: a JVM that shares the broker's {@code KAFKA_OPTS} but never
 * touches zstd takes no VF. {@code zstd.mode=qat} or a forced {@code zstd.backend} start the device at install, where
 * a missing rung fails the start as asked.
 */
final class ZstdDeviceStart {
    private static final Logger LOG = LoggerFactory.getLogger(ZstdDeviceStart.class);

    private final CodecConfig whole;
    private final Consumer<ZstdCodec> onStarted;
    private final Function<CodecConfig, ZstdCodec> factory;
    private boolean started;

    private ZstdDeviceStart(CodecConfig whole, Consumer<ZstdCodec> onStarted, Function<CodecConfig, ZstdCodec> factory) {
        this.whole = whole;
        this.onStarted = onStarted;
        this.factory = factory;
    }

    /**
     * A start for later, or null when the device starts now (or never). Until then the hook serves from
     * {@link ZstdCodec#createUntilFirstBatch}: the software rungs, the QAT ones listed as starting at the first batch.
     */
    static ZstdDeviceStart laterFor(CodecConfig config, Consumer<ZstdCodec> onStarted,
                                    Function<CodecConfig, ZstdCodec> factory) {
        boolean later = ZstdMode.of(config) == ZstdMode.AUTO && config.get(KqatSettings.ZSTD_BACKEND) == null;
        return later ? new ZstdDeviceStart(config, onStarted, factory) : null;
    }

    /** Called by every zstd batch until the start is under way; only the first one starts it. */
    void firstBatch() {
        synchronized (this) {
            if (started) {
                return;
            }
            started = true;
        }
        Thread t = new Thread(() -> {
            try {
                ZstdCodec codec = factory.apply(whole);
                if (codec.compresses(ZstdCodec.DEFAULT_LEVEL) || codec.decodes()) {
                    onStarted.accept(codec);
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("kqat: the zstd ladder with its QAT rungs did not start; the software rungs keep serving", e);
            }
        }, "kqat-zstd-start");
        t.setDaemon(true);
        t.start();
    }
}
