package io.kqat.tools.devicetest;

/** One line of the device test: a check's name, whether it passed, and why. */
public record CheckResult(String name, Status status, String detail) {

    /**
     * PASS, FAIL, SKIP (not run because an earlier check failed: counts as not passing), or UNSUPPORTED: the device or
     * its qatlib has no such path (native zstd on a 4xxx, say), which is no fault of it: counts as passing, and is
     * named in the result line.
     */
    public enum Status { PASS, FAIL, SKIP, UNSUPPORTED }

    static CheckResult pass(String name, String detail) {
        return new CheckResult(name, Status.PASS, detail);
    }

    static CheckResult fail(String name, String detail) {
        return new CheckResult(name, Status.FAIL, detail);
    }

    static CheckResult skip(String name, String detail) {
        return new CheckResult(name, Status.SKIP, detail);
    }

    static CheckResult unsupported(String name, String detail) {
        return new CheckResult(name, Status.UNSUPPORTED, detail);
    }

    boolean passed() {
        return status == Status.PASS || status == Status.UNSUPPORTED;
    }

    /** {@code PASS  flats-255      a 14.9 MiB batch ...}. */
    String line() {
        return String.format("%-4s  %-20s %s", status, name, detail);
    }
}
