package io.kqat.codec.zstd.spi;

import io.kqat.codec.ZstdCodec;

/** What one zstd backend can do: the levels it compresses at (a QAT device 1-12), and whether it decodes. */
public final class ZstdCapabilities {
    private final int minLevel;
    private final int maxLevel;
    private final boolean decodes;

    private ZstdCapabilities(int minLevel, int maxLevel, boolean decodes) {
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.decodes = decodes;
    }

    /** Compresses at levels {@code min..max} (within zstd's range, 0 excluded: it means the default), decodes nothing. */
    public static ZstdCapabilities compressing(int min, int max) {
        if (min < ZstdCodec.MIN_LEVEL || max > ZstdCodec.MAX_LEVEL || min > max) {
            throw new IllegalArgumentException("zstd levels " + min + ".." + max);
        }
        return new ZstdCapabilities(min, max, false);
    }

    /** The same levels, and decoding. */
    public ZstdCapabilities decoding() {
        return new ZstdCapabilities(minLevel, maxLevel, true);
    }

    public boolean compresses(int level) {
        return level != 0 && level >= minLevel && level <= maxLevel;
    }

    public boolean decodes() {
        return decodes;
    }

    public int minLevel() {
        return minLevel;
    }

    public int maxLevel() {
        return maxLevel;
    }

    @Override
    public String toString() {
        return "levels " + minLevel + ".." + maxLevel + (decodes ? ", decode" : ", no decode");
    }
}
