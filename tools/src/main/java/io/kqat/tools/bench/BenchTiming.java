package io.kqat.tools.bench;

import java.util.Arrays;

/**
 * MB/s of input of one pass, repeated: warmed up until two slices in a row agree within 10% (at least the cell's
 * time, at most three times it), then measured in {@link #SLICES} slices of a fifth of the cell's time each, and the
 * median slice taken. A cell measured as one wall-clock span moved 4x between runs on a shared 2-vCPU machine: a
 * collection, a compilation or a neighbour's burst that lands in the span moves all of it; it moves one slice of five
 * here, and the median leaves it out. Shared by the gzip and the zstd rows.
 */
final class BenchTiming {
    /** The cell's time is measured in this many slices; the median slice counts. */
    static final int SLICES = 5;
    /** Slices agree when the slower is within this share of the faster: then the warm-up is over. */
    static final double STEADY = 0.9;

    private BenchTiming() {
    }

    static double timed(Runnable pass, long inputBytes, double seconds) {
        long budget = (long) (seconds * 1e9);
        long slice = Math.max(1, budget / SLICES);
        repeat(pass, budget);
        double previous = rate(repeat(pass, slice), inputBytes);
        for (long warm = budget + slice; warm < 3 * budget; warm += slice) {
            double r = rate(repeat(pass, slice), inputBytes);
            boolean steady = Math.min(r, previous) >= STEADY * Math.max(r, previous);
            previous = r;
            if (steady) {
                break;
            }
        }
        double[] rates = new double[SLICES];
        for (int i = 0; i < SLICES; i++) {
            rates[i] = rate(repeat(pass, slice), inputBytes);
        }
        return median(rates);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double rate(long[] passesAndNanos, long inputBytes) {
        return passesAndNanos[0] * (double) inputBytes / 1e6 / (passesAndNanos[1] / 1e9);
    }

    private static long[] repeat(Runnable pass, long budget) {
        long start = System.nanoTime();
        long passes = 0;
        long elapsed;
        do {
            pass.run();
            passes++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return new long[] {passes, elapsed};
    }
}
