package io.kqat.stress.fuzz;

/** How kqat's outcome on one input and path compares with {@link java.util.zip.GZIPInputStream}'s. */
public enum Verdict {
    SAME_OUTPUT(true, "both decoded, byte for byte the same"),
    BOTH_REJECT(true, "both rejected (kqat with CorruptGzipException)"),
    OVER_BOUND(true, "GZIPInputStream delivered more than the bound; kqat raised OutputLimitExceededException"),
    DIFF_TRAILING_BYTES(true, "deliberate: bytes after the last complete member that are neither a member nor only zeros "
            + "(GZIPInputStream ignores them, gzip -d warns 'trailing garbage ignored' and exits 2, kqat rejects them)"),
    DIFF_RESERVED_FLAGS(true, "deliberate: a member header with reserved FLG bits set (GZIPInputStream ignores them, "
            + "kqat rejects them as RFC 1952 requires)"),
    LENIENT_LIBDEFLATE(true, "deliberate: libdeflate, chosen by name, decodes what zlib rejects (literal/length "
            + "symbols 286-287, distance codes 30-31); the default ladder never decompresses with it"),
    LENIENT_ISAL_INCOMPLETE_CODE(true, "deliberate: ISA-L decodes with a Huffman code zlib rejects as incomplete "
            + "(\"invalid distances set\"), the data never using a missing code; decode.strict=true refuses it"),
    FAIL_WRONG_OUTPUT(false, "both decoded, kqat's bytes differ"),
    FAIL_ACCEPTS_INVALID(false, "kqat decoded what GZIPInputStream rejects"),
    FAIL_REJECTS_VALID(false, "kqat rejected what GZIPInputStream decodes, not a listed difference"),
    FAIL_LIMIT_EARLY(false, "kqat raised OutputLimitExceededException within the bound"),
    FAIL_OVER_BOUND(false, "kqat delivered more than the bound"),
    FAIL_UNEXPECTED_ERROR(false, "kqat threw something other than CorruptGzipException/OutputLimitExceededException");

    final boolean pass;
    final String meaning;

    Verdict(boolean pass, String meaning) {
        this.pass = pass;
        this.meaning = meaning;
    }
}
