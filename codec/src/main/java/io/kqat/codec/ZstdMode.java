package io.kqat.codec;

import java.util.Locale;

/**
 * Which rungs may serve zstd ({@link KqatSettings#ZSTD_MODE}). Unset, it follows {@link Mode}: auto, qat and software
 * mean the same for zstd, and jdk means off (the JDK has no zstd), so one switch still governs a machine.
 */
public enum ZstdMode {
    /** QAT's zstd rungs when present, then libzstd. */
    AUTO,
    /** As AUTO, but a usable QAT zstd rung must be present at start. */
    QAT,
    /** libzstd only: never the device. */
    SOFTWARE,
    /** No rung: the caller keeps its own zstd (Kafka's zstd-jni); the agent leaves Kafka's zstd unhooked. */
    OFF;

    /** The mode in effect for a config. */
    public static ZstdMode of(CodecConfig config) {
        if (config.isSet(KqatSettings.ZSTD_MODE)) {
            return valueOf(config.get(KqatSettings.ZSTD_MODE).toUpperCase(Locale.ROOT));
        }
        return config.mode() == Mode.JDK ? OFF : valueOf(config.mode().name());
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
