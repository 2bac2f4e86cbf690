package io.kqat.stress.fuzz;

import java.util.Arrays;

/** What one decoder made of one input: the bytes, or the error (with the bytes it had delivered before it). */
final class Outcome {
    final byte[] output;
    final Throwable error;

    private Outcome(byte[] output, Throwable error) {
        this.output = output;
        this.error = error;
    }

    static Outcome ok(byte[] output) {
        return new Outcome(output, null);
    }

    static Outcome failed(byte[] partial, Throwable error) {
        return new Outcome(partial, error);
    }

    boolean ok() {
        return error == null;
    }

    boolean sameOutput(Outcome other) {
        return Arrays.equals(output, other.output);
    }

    @Override
    public String toString() {
        return ok() ? "decoded " + output.length + " bytes" : error + " after " + output.length + " bytes";
    }
}
