package io.kqat.tools.bench;

/** Repeats one pass for at least the cell's time, after a warm-up of the same length; MB/s of input. */
final class BenchTiming {
    private BenchTiming() {
    }

    static double timed(Runnable pass, long inputBytes, double seconds) {
        long budget = (long) (seconds * 1e9);
        repeat(pass, budget);
        long[] passesAndNanos = repeat(pass, budget);
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
