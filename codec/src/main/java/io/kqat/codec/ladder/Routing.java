package io.kqat.codec.ladder;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.spi.Capabilities;
import io.kqat.codec.spi.Capabilities.Strictness;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who serves what: for each compression level, and for decompression, the rungs a request goes to, best first. The
 * one place that decides it, from the backends' stated {@link Capabilities}, the config and the measured preferences
 * below; backends know nothing of each other. Every route ends with the last resort, so no request is refused.
 */
final class Routing {

    /**
     * A rung left out of the levels where another one serves better, as measured on Kafka-like JSON (README,
     * "Backends and levels"); it still serves them when the better one is absent or chosen by name.
     */
    static final class Demotion {
        final String rung;
        final String infavourOf;
        final int fromLevel;
        final String reason;

        Demotion(String rung, String infavourOf, int fromLevel, String reason) {
            this.rung = rung;
            this.infavourOf = infavourOf;
            this.fromLevel = fromLevel;
            this.reason = reason;
        }
    }

    static final List<Demotion> DEMOTIONS = Collections.singletonList(new Demotion("isal", "libdeflate", 3,
            "from level 3 up igzip compresses worse than libdeflate at a similar speed"));

    private final List<List<Rung>> compressRoutes = new ArrayList<>();
    private final List<Rung> decompressRoute;

    /** @param rungs every rung in rank order, the last resort last */
    Routing(List<Rung> rungs, CodecConfig config) {
        compressRoutes.add(Collections.emptyList()); // level 0 does not exist
        for (int level = CodecConfig.MIN_LEVEL; level <= CodecConfig.MAX_LEVEL; level++) {
            compressRoutes.add(compressRoute(rungs, config, level));
        }
        decompressRoute = decompressRoute(rungs, config);
    }

    private static List<Rung> compressRoute(List<Rung> rungs, CodecConfig config, int level) {
        List<Rung> route = new ArrayList<>();
        for (Rung r : rungs) {
            if (r.ready() && r.backend().capabilities().compresses(level) && !demoted(r, rungs, config, level)) {
                route.add(r);
            }
        }
        return Collections.unmodifiableList(route);
    }

    private static boolean demoted(Rung r, List<Rung> rungs, CodecConfig config, int level) {
        if (r.name().equals(config.backend())) {
            return false;
        }
        for (Demotion d : DEMOTIONS) {
            if (d.rung.equals(r.name()) && level >= d.fromLevel && rungs.stream().anyMatch(o -> o.ready()
                    && o.name().equals(d.infavourOf) && o.backend().capabilities().compresses(level))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decoding accepts no more than zlib would: an inflater stricter than that only with {@code decode.strict} off
     * (ISA-L), a lenient one (libdeflate) only when chosen by name, and never with {@code decode.strict}.
     */
    private static List<Rung> decompressRoute(List<Rung> rungs, CodecConfig config) {
        List<Rung> route = new ArrayList<>();
        for (Rung r : rungs) {
            Strictness s = r.ready() ? r.backend().capabilities().strictness() : null;
            if (s == Strictness.ZLIB
                    || s == Strictness.ZLIB_BUT_UNUSED_INCOMPLETE_CODES && !config.strictDecode()
                    || s == Strictness.LENIENT && !config.strictDecode() && r.name().equals(config.backend())) {
                route.add(r);
            }
        }
        return Collections.unmodifiableList(route);
    }

    /** Why a ready rung that can decode is not on the decompression route, or null when it is on it. */
    static String whyNotDecoding(Rung r, CodecConfig config) {
        Strictness s = r.backend().capabilities().strictness();
        if (s == Strictness.LENIENT) {
            return config.strictDecode() ? "decode.strict" : "its inflater accepts streams zlib rejects; decodes only when chosen by name";
        }
        if (s == Strictness.ZLIB_BUT_UNUSED_INCOMPLETE_CODES && config.strictDecode()) {
            return "decode.strict: its inflater accepts Huffman codes zlib rejects as incomplete";
        }
        return null;
    }

    List<Rung> compress(int level) {
        if (level < CodecConfig.MIN_LEVEL || level > CodecConfig.MAX_LEVEL) {
            throw new IllegalArgumentException("level must be " + CodecConfig.MIN_LEVEL + ".." + CodecConfig.MAX_LEVEL
                    + ", was " + level);
        }
        return compressRoutes.get(level);
    }

    List<Rung> decompress() {
        return decompressRoute;
    }

    /** {@code level 1-2: qat > isal > libdeflate > jdk; ...; decompress: qat > isal > jdk}, for logs and doctor. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        int start = CodecConfig.MIN_LEVEL;
        for (int level = CodecConfig.MIN_LEVEL; level <= CodecConfig.MAX_LEVEL; level++) {
            if (level == CodecConfig.MAX_LEVEL || !compressRoutes.get(level + 1).equals(compressRoutes.get(level))) {
                b.append("level ").append(start == level ? "" + level : start + "-" + level).append(": ")
                        .append(names(compressRoutes.get(level))).append("; ");
                start = level + 1;
            }
        }
        return b.append("decompress: ").append(names(decompressRoute)).toString();
    }

    private static String names(List<Rung> route) {
        StringBuilder b = new StringBuilder();
        for (Rung r : route) {
            b.append(b.length() == 0 ? "" : " > ").append(r.name());
        }
        return b.toString();
    }
}
