package io.kqat.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable codec settings. Backend-specific settings (the QAT region size, the emulator directory: keys in
 * {@link io.kqat.codec.backend.qat.QatOptions}) travel in {@link #option(String, String)} so this class does not grow
 * with every backend.
 */
public final class CodecConfig {
    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 9;
    /** Kafka's default for compression.gzip.level (zlib's 6). */
    public static final int DEFAULT_LEVEL = 6;
    /** Default bound on one decompressed buffer: generous for Kafka batches, far below a bomb's claim. */
    public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 256L << 20;

    private final int level;
    private final Mode mode;
    private final String backend;
    private final long maxDecompressedBytes;
    private final Map<String, String> options;

    private CodecConfig(Builder b) {
        this.level = b.level;
        this.mode = b.mode;
        this.backend = b.backend;
        this.maxDecompressedBytes = b.maxDecompressedBytes;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(b.options));
    }

    public static CodecConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Kafka level 1..9. */
    public int level() {
        return level;
    }

    public Mode mode() {
        return mode;
    }

    /** A backend forced by name ({@code isal}, {@code libdeflate}, ...), or null to let the ladder choose. */
    public String backend() {
        return backend;
    }

    public long maxDecompressedBytes() {
        return maxDecompressedBytes;
    }

    /**
     * Option key: {@code true} decodes only with inflaters as strict as zlib (the JDK, QAT), never ISA-L, whose
     * inflater accepts a Huffman code zlib rejects as incomplete when the data never uses a missing code. For brokers
     * that must refuse exactly what a stock broker refuses, at the JDK's decoding speed.
     */
    public static final String STRICT_DECODE = "decode.strict";

    /** True when {@link #STRICT_DECODE} is set. */
    public boolean strictDecode() {
        return Boolean.parseBoolean(option(STRICT_DECODE, "false"));
    }

    public String option(String key, String defaultValue) {
        return options.getOrDefault(key, defaultValue);
    }

    public Map<String, String> options() {
        return options;
    }

    public Builder toBuilder() {
        Builder b = new Builder().level(level).mode(mode).backend(backend).maxDecompressedBytes(maxDecompressedBytes);
        b.options.putAll(options);
        return b;
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
        if (!(o instanceof CodecConfig)) {
            return false;
        }
        CodecConfig c = (CodecConfig) o;
        return level == c.level && mode == c.mode && Objects.equals(backend, c.backend)
                && maxDecompressedBytes == c.maxDecompressedBytes && options.equals(c.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, mode, backend, maxDecompressedBytes, options);
    }

    @Override
    public String toString() {
        return "CodecConfig{level=" + level + ", mode=" + mode.id() + (backend == null ? "" : ", backend=" + backend)
                + ", maxDecompressedBytes=" + maxDecompressedBytes + (options.isEmpty() ? "" : ", options=" + options) + '}';
    }

    public static final class Builder {
        private int level = DEFAULT_LEVEL;
        private Mode mode = Mode.AUTO;
        private String backend;
        private long maxDecompressedBytes = DEFAULT_MAX_DECOMPRESSED_BYTES;
        private final Map<String, String> options = new LinkedHashMap<>();

        public Builder level(int level) {
            this.level = kafkaLevel(level);
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder backend(String backend) {
            this.backend = backend == null || backend.isBlank() ? null : backend.trim();
            return this;
        }

        public Builder maxDecompressedBytes(long max) {
            if (max <= 0 || max > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxDecompressedBytes must be 1.." + (Integer.MAX_VALUE - 8) + ", got " + max);
            }
            this.maxDecompressedBytes = max;
            return this;
        }

        public Builder option(String key, String value) {
            options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public CodecConfig build() {
            return new CodecConfig(this);
        }
    }
}
