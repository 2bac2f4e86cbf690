package io.kqat.stress.fuzz;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.OutputLimitExceededException;
import java.util.Arrays;

/**
 * Compares kqat's outcomes on one input with the oracle's, explaining every difference or calling it a failure. The
 * explanation of a rejection is worked out once per input, however many rungs and paths reject it.
 */
final class Judge {
    private final byte[] input;
    private final Outcome oracle;
    private Verdict rejection;

    Judge(byte[] input, Outcome oracle) {
        this.input = input;
        this.oracle = oracle;
    }

    /**
     * @param bound the caller's bound, or 0 when the path ran with none set by the caller
     * @param rung  the rung the codec was forced to: libdeflate and ISA-L each accept, by design, streams zlib rejects
     */
    Verdict judge(Outcome kqat, long bound, String rung) {
        long limit = bound > 0 ? bound : Long.MAX_VALUE;
        Verdict lenient = oracle.ok() ? null : leniency(rung);
        if (kqat.error instanceof OutputLimitExceededException) {
            if (lenient != null && oracle.output.length <= limit) {
                return lenient; // it decoded on past where zlib stopped, into the bound
            }
            return oracle.output.length > limit ? Verdict.OVER_BOUND : Verdict.FAIL_LIMIT_EARLY;
        }
        if (kqat.error != null && !(kqat.error instanceof CorruptGzipException)) {
            return Verdict.FAIL_UNEXPECTED_ERROR;
        }
        if (kqat.ok()) {
            if (kqat.output.length > limit) {
                return Verdict.FAIL_OVER_BOUND;
            }
            if (!oracle.ok()) {
                return lenient != null ? lenient : Verdict.FAIL_ACCEPTS_INVALID;
            }
            return kqat.sameOutput(oracle) ? Verdict.SAME_OUTPUT : Verdict.FAIL_WRONG_OUTPUT;
        }
        if (!oracle.ok()) {
            return Verdict.BOTH_REJECT;
        }
        if (rejection == null) {
            rejection = explainRejection(input, oracle);
        }
        return rejection;
    }

    /**
     * The listed leniency of the rung for what zlib rejected, or null: libdeflate (chosen by name) decodes reserved
     * symbols; ISA-L decodes with a Huffman code zlib calls incomplete ("invalid ... set") when no missing code is used.
     */
    private Verdict leniency(String rung) {
        if (Rungs.LIBDEFLATE.equals(rung)) {
            return Verdict.LENIENT_LIBDEFLATE;
        }
        String zlib = String.valueOf(oracle.error == null ? null : oracle.error.getMessage());
        if (Rungs.ISAL.equals(rung) && (zlib.contains("invalid distances set")
                || zlib.contains("invalid literal/lengths set"))) {
            return Verdict.LENIENT_ISAL_INCOMPLETE_CODE;
        }
        return null;
    }

    /** kqat rejected, GZIPInputStream decoded: one of the listed differences, or a failure. */
    private static Verdict explainRejection(byte[] input, Outcome oracle) {
        StrictScan strict = StrictScan.of(input, false);
        if (strict.stoppedAtReservedFlags) {
            StrictScan lenient = StrictScan.of(input, true);
            if (Arrays.equals(lenient.output, oracle.output)) {
                return Verdict.DIFF_RESERVED_FLAGS;
            }
        }
        if (strict.members > 0 && strict.rest == StrictScan.Rest.OTHER && Arrays.equals(strict.output, oracle.output)) {
            return Verdict.DIFF_TRAILING_BYTES;
        }
        return Verdict.FAIL_REJECTS_VALID;
    }
}
