package io.kqat.codec.spi;

import io.kqat.codec.CodecConfig;

/**
 * What one backend can do, as facts about itself: the levels it compresses at, whether it inflates and how strictly.
 * Which backend serves what is the ladder's decision, made from these facts and nothing a backend knows of another.
 */
public final class Capabilities {

    /** How an inflater treats deflate data that zlib rejects. */
    public enum Strictness {
        /** Rejects exactly what zlib rejects (so what a stock Kafka consumer rejects). */
        ZLIB,
        /**
         * Rejects what zlib rejects except a dynamic block whose Huffman code is incomplete in a way the data never
         * uses (ISA-L): such a stream decodes to the bytes its CRC32 covers; no compressor writes one.
         */
        ZLIB_BUT_UNUSED_INCOMPLETE_CODES,
        /** Decodes streams zlib rejects, such as reserved symbols (libdeflate, by design). */
        LENIENT
    }

    /** Compresses at every Kafka level and inflates exactly as zlib does. */
    public static final Capabilities ALL_LEVELS_ZLIB_STRICT =
            compressing(CodecConfig.MIN_LEVEL, CodecConfig.MAX_LEVEL).inflating(Strictness.ZLIB);

    private final int minLevel;
    private final int maxLevel;
    private final Strictness inflates;

    private Capabilities(int minLevel, int maxLevel, Strictness inflates) {
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.inflates = inflates;
    }

    /** Compresses at Kafka levels {@code min..max}, inflates nothing (yet). */
    public static Capabilities compressing(int min, int max) {
        if (min < CodecConfig.MIN_LEVEL || max > CodecConfig.MAX_LEVEL || min > max) {
            throw new IllegalArgumentException("levels " + min + ".." + max);
        }
        return new Capabilities(min, max, null);
    }

    /** The same levels, and inflation with this strictness. */
    public Capabilities inflating(Strictness strictness) {
        return new Capabilities(minLevel, maxLevel, strictness);
    }

    /** The same levels, and no inflation (an inflater that failed its self test, say). */
    public Capabilities notInflating() {
        return new Capabilities(minLevel, maxLevel, null);
    }

    public boolean compresses(int level) {
        return level >= minLevel && level <= maxLevel;
    }

    public boolean inflates() {
        return inflates != null;
    }

    /** How strictly it inflates, or null when it does not. */
    public Strictness strictness() {
        return inflates;
    }

    @Override
    public String toString() {
        return "levels " + (minLevel == maxLevel ? "" + minLevel : minLevel + "-" + maxLevel)
                + (inflates == null ? ", no inflate" : ", inflate (" + inflates.name().toLowerCase() + ")");
    }
}
