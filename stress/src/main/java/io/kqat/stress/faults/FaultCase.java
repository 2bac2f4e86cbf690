package io.kqat.stress.faults;

import java.util.List;

/** One way the producer's compression is made to fail: a device fault rate, a hung device, or a rung that throws. */
public final class FaultCase {
    /** Requests the emulated device completes before it hangs. */
    static final int HANG_AFTER_REQUESTS = 50;

    public final String name;
    final String failPercent;
    final boolean hang;
    final String thrown;

    private FaultCase(String name, String failPercent, boolean hang, String thrown) {
        this.name = name;
        this.failPercent = failPercent;
        this.hang = hang;
        this.thrown = thrown;
    }

    /** {@code none}, a percentage ({@code 1}, {@code 10}, {@code 100}), {@code hang}, {@code error}, {@code runtime} or {@code oom}. */
    public static FaultCase parse(String text) {
        switch (text) {
            case "none":
                return new FaultCase("no faults", null, false, null);
            case "hang":
                return new FaultCase("device hangs after " + HANG_AFTER_REQUESTS + " requests", null, true, null);
            case "error":
            case "runtime":
            case "oom":
                return new FaultCase("rung throws " + (text.equals("oom") ? "OutOfMemoryError" : text.equals("error")
                        ? "Error" : "RuntimeException") + " at close", null, false, text);
            default:
                int p = Integer.parseInt(text);
                if (p < 0 || p > 100) {
                    throw new IllegalArgumentException("a fault rate is 0..100, got " + p);
                }
                return new FaultCase(p + "% device faults", text, false, null);
        }
    }

    public static final List<String> ALL = List.of("1", "10", "100", "hang", "error", "runtime", "oom");

    /** True when the run must show device faults for the case to prove anything. */
    boolean expectsDeviceFaults() {
        return failPercent != null && !failPercent.equals("0") || hang;
    }
}
