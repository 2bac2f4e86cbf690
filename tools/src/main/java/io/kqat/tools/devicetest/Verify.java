package io.kqat.tools.devicetest;

/** Conditions inside checks: a failed one ends the check as FAIL with its message. */
final class Verify {
    private Verify() {
    }

    static void that(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }

    static void equal(long actual, long expected, String what) {
        that(actual == expected, what + ": " + actual + ", expected " + expected);
    }
}
