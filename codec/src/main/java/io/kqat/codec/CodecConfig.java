package io.kqat.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Immutable codec settings: a value for each {@link KqatSettings} entry that was given, typed and validated by its
 * {@link Setting}. A setting not given explicitly takes its system property ({@code kqat.<key>}) when that is set, then
 * its default; system properties are read once, when the config is built, so two equal configs mean the same codec.
 */
public final class CodecConfig {
    public static final int MIN_LEVEL = KqatSettings.MIN_LEVEL;
    public static final int MAX_LEVEL = KqatSettings.MAX_LEVEL;
    /** Kafka's default for compression.gzip.level (zlib's 6). */
    public static final int DEFAULT_LEVEL = KqatSettings.DEFAULT_LEVEL;
    /** Bound on one decompression into a single buffer when none is set: generous for records, far below a bomb's claim. */
    public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 256L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(CodecConfig.class);
    private static final Set<String> WARNED_ALIASES = ConcurrentHashMap.newKeySet();

    /** Values by key, in the order they were given; only settings that were given (explicitly or by property). */
    private final Map<String, Object> values;

    private CodecConfig(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static CodecConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The setting's value: given, else its default (null when it has none, or the default depends on others). */
    public <T> T get(Setting<T> setting) {
        Object v = values.get(setting.key());
        return v != null ? setting.javaType().cast(v) : setting.defaultValue();
    }

    /** True when the setting was given, explicitly or by its system property. */
    public boolean isSet(Setting<?> setting) {
        return values.containsKey(setting.key());
    }

    /** The settings that were given, by key. */
    public Map<String, Object> given() {
        return values;
    }

    /** Kafka level 1..9: the level compression uses when the caller names none. */
    public int level() {
        return get(KqatSettings.LEVEL);
    }

    public Mode mode() {
        return Mode.parse(get(KqatSettings.MODE));
    }

    /** A backend forced by name ({@code isal}, {@code libdeflate}, ...), or null to let the ladder choose. */
    public String backend() {
        return get(KqatSettings.BACKEND);
    }

    /** The bound on one decompression into a buffer or from a stream: as set, else 256 MiB. */
    public long maxDecompressedBytes() {
        return isSet(KqatSettings.MAX_DECOMPRESSED_BYTES) ? get(KqatSettings.MAX_DECOMPRESSED_BYTES)
                : DEFAULT_MAX_DECOMPRESSED_BYTES;
    }

    /** The bound on one Kafka batch's records: as set, else none (stock Kafka has none). */
    public long maxBatchDecompressedBytes() {
        return isSet(KqatSettings.MAX_DECOMPRESSED_BYTES) ? get(KqatSettings.MAX_DECOMPRESSED_BYTES) : Long.MAX_VALUE;
    }

    /** True when decoding must be exactly as strict as zlib ({@link KqatSettings#DECODE_STRICT}). */
    public boolean strictDecode() {
        return get(KqatSettings.DECODE_STRICT);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        return b;
    }

    /** A level a request may name: 1..9. */
    public static int checkLevel(int level) {
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw new IllegalArgumentException("gzip level must be " + MIN_LEVEL + ".." + MAX_LEVEL + ", got level " + level);
        }
        return level;
    }

    /** Maps Kafka's {@code compression.gzip.level} (1..9, or -1 for the default) to a kqat level. */
    public static int kafkaLevel(int kafkaLevel) {
        if (kafkaLevel == -1) {
            return DEFAULT_LEVEL;
        }
        if (kafkaLevel < MIN_LEVEL || kafkaLevel > MAX_LEVEL) {
            throw new IllegalArgumentException("gzip level must be 1..9 or -1, got " + kafkaLevel);
        }
        return kafkaLevel;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodecConfig && values.equals(((CodecConfig) o).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("CodecConfig{");
        values.forEach((k, v) -> b.append(b.length() > 12 ? ", " : "").append(k).append('=').append(v));
        return b.append('}').toString();
    }

    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets a typed value, validated. */
        public <T> Builder set(Setting<T> setting, T value) {
            values.put(setting.key(), setting.validate(value));
            return this;
        }

        /** Sets a value as written in any front end, parsed and validated by its setting. */
        public Builder setText(Setting<?> setting, String text) {
            values.put(setting.key(), setting.parse(text));
            return this;
        }

        /** Sets a value by key, as the Java API's users may (every setting is taken here). */
        public Builder set(String key, String text) {
            Setting<?> s = KqatSettings.find(key).orElseThrow(() -> new IllegalArgumentException(
                    "unknown kqat setting '" + key + "' (known: " + KqatSettings.ALL + ")"));
            warnIfAlias(key, s);
            return setText(s, text);
        }

        private static void warnIfAlias(String key, Setting<?> s) {
            if (!s.key().equals(key) && WARNED_ALIASES.add(key)) {
                LOG.warn("kqat: option '{}' is deprecated and will be removed in the next release; use '{}'", key,
                        s.key());
            }
        }

        /**
         * Sets a value by key as a front end receives it; an earlier spelling of a key still works, with a warning
         * (once per process) naming the key to use.
         *
         * @throws IllegalArgumentException for an unknown key, one not accepted {@code where} it was given, or a value
         *                                  its setting rejects
         */
        public Builder set(String key, String text, Setting.Where where) {
            Setting<?> s = KqatSettings.find(key).orElseThrow(() -> new IllegalArgumentException(
                    "unknown kqat setting '" + key + "' (known: " + KqatSettings.keys(where) + ")"));
            if (!s.acceptedBy(where)) {
                throw new IllegalArgumentException("kqat setting " + s.key() + " is not taken by " + where
                        + " (only by " + s.where() + "): " + s.doc());
            }
            warnIfAlias(key, s);
            return setText(s, text);
        }

        public Builder level(int level) {
            return set(KqatSettings.LEVEL, kafkaLevel(level));
        }

        public Builder mode(Mode mode) {
            return set(KqatSettings.MODE, Objects.requireNonNull(mode, "mode").id());
        }

        /** Forces a backend by name; null or blank lets the ladder choose. */
        public Builder backend(String backend) {
            if (backend == null || backend.trim().isEmpty()) {
                values.remove(KqatSettings.BACKEND.key());
                return this;
            }
            return set(KqatSettings.BACKEND, backend.trim());
        }

        public Builder maxDecompressedBytes(long max) {
            return set(KqatSettings.MAX_DECOMPRESSED_BYTES, max);
        }

        public Builder strictDecode(boolean strict) {
            return set(KqatSettings.DECODE_STRICT, strict);
        }

        /** The config, with each setting not given taken from its system property where one is set. */
        public CodecConfig build() {
            Map<String, Object> all = new LinkedHashMap<>(values);
            for (Setting<?> s : KqatSettings.ALL) {
                String property = s.acceptedBy(Setting.Where.SYSTEM_PROPERTY) && !all.containsKey(s.key())
                        ? System.getProperty(s.systemProperty()) : null;
                if (property != null && !property.trim().isEmpty()) {
                    all.put(s.key(), s.parse(property));
                }
            }
            return new CodecConfig(all);
        }
    }
}
