package io.kqat.tools.devicetest;

/** One line of the device test: a check's name, whether it passed, and why. */
public record CheckResult(String name, Status status, String detail) {

    /** PASS, FAIL, or SKIP (not run because an earlier check failed: counts as not passing). */
    public enum Status { PASS, FAIL, SKIP }

    static CheckResult pass(String name, String detail) {
        return new CheckResult(name, Status.PASS, detail);
    }

    static CheckResult fail(String name, String detail) {
        return new CheckResult(name, Status.FAIL, detail);
    }

    static CheckResult skip(String name, String detail) {
        return new CheckResult(name, Status.SKIP, detail);
    }

    boolean passed() {
        return status == Status.PASS;
    }

    /** {@code PASS  flats-255      a 14.9 MiB batch ...}. */
    String line() {
        return String.format("%-4s  %-20s %s", status, name, detail);
    }
}
