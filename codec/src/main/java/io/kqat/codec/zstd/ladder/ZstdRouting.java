package io.kqat.codec.zstd.ladder;

import io.kqat.codec.ZstdCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Who serves what for zstd: for a level, the ready rungs whose capabilities include it, best first (a QAT device's
 * levels end at 12: beyond, and at negative levels, only software serves); for decoding, the ready rungs that decode.
 * The same idea as the gzip ladder's {@code Routing}, over ranges of levels instead of 1-9.
 */
final class ZstdRouting {
    private final List<ZstdRung> rungs;
    private final List<ZstdRung> decodeRoute;

    /** @param rungs every rung in rank order */
    ZstdRouting(List<ZstdRung> rungs) {
        this.rungs = rungs;
        List<ZstdRung> decode = new ArrayList<>();
        for (ZstdRung r : rungs) {
            if (r.ready() && r.backend().capabilities().decodes()) {
                decode.add(r);
            }
        }
        this.decodeRoute = Collections.unmodifiableList(decode);
    }

    /** The rungs that compress at {@code level} (0 already mapped to the default), best first; may be empty. */
    List<ZstdRung> compress(int level) {
        List<ZstdRung> route = new ArrayList<>(rungs.size());
        for (ZstdRung r : rungs) {
            if (r.ready() && r.backend().capabilities().compresses(level)) {
                route.add(r);
            }
        }
        return route;
    }

    List<ZstdRung> decode() {
        return decodeRoute;
    }

    /** {@code levels 1..12: qat-lz4s > libzstd; levels 13..22: libzstd; ...; decompress: libzstd} (level 0 is 3). */
    @Override
    public String toString() {
        TreeSet<Integer> cuts = new TreeSet<>(java.util.Arrays.asList(ZstdCodec.MIN_LEVEL, 0, 1, ZstdCodec.MAX_LEVEL + 1));
        for (ZstdRung r : rungs) {
            if (r.ready()) {
                cuts.add(r.backend().capabilities().minLevel());
                cuts.add(r.backend().capabilities().maxLevel() + 1);
            }
        }
        List<int[]> ranges = new ArrayList<>();
        List<String> routes = new ArrayList<>();
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && previous != 0 && previous <= ZstdCodec.MAX_LEVEL) {
                int from = previous;
                int to = cut - 1;
                String route = names(compress(from));
                int last = ranges.size() - 1;
                if (last >= 0 && routes.get(last).equals(route)
                        && (ranges.get(last)[1] + 1 == from || ranges.get(last)[1] == -1 && from == 1)) {
                    ranges.get(last)[1] = to;
                } else {
                    ranges.add(new int[] {from, to});
                    routes.add(route);
                }
            }
            previous = cut;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ranges.size(); i++) {
            b.append("levels ").append(ranges.get(i)[0]).append("..").append(ranges.get(i)[1]).append(": ")
                    .append(routes.get(i).isEmpty() ? ZstdCodec.STOCK : routes.get(i)).append("; ");
        }
        return b.append("decompress: ").append(decodeRoute.isEmpty() ? ZstdCodec.STOCK : names(decodeRoute)).toString();
    }

    private static String names(List<ZstdRung> route) {
        StringBuilder b = new StringBuilder();
        for (ZstdRung r : route) {
            b.append(b.length() == 0 ? "" : " > ").append(r.name());
        }
        return b.toString();
    }
}
