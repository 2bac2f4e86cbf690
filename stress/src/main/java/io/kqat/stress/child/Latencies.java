package io.kqat.stress.child;

/** Quantiles of latencies as the reports print them. */
public final class Latencies {
    private Latencies() {
    }

    /** The {@code q} quantile (nearest rank) of sorted latencies in µs, as ms with one decimal; "" with none. */
    public static String ms(long[] sortedMicros, double q) {
        if (sortedMicros.length == 0) {
            return "";
        }
        int rank = (int) Math.ceil(q * sortedMicros.length) - 1;
        return String.format("%.1f", sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, rank))] / 1e3);
    }
}
