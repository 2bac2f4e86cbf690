package io.kqat.codec.spi;

import io.kqat.codec.BackendDetail;
import java.nio.ByteBuffer;

/**
 * One raw-DEFLATE engine (RFC 1951). Gzip framing, CRC policy, staging and fallback live above this interface, so a
 * backend only turns bytes into deflate and back.
 *
 * <p>Buffer contract: every method reads {@code src} from its position to its limit and writes {@code dst} from its
 * position; on return both positions are advanced past what was consumed and produced. Callers pass only buffers that
 * {@link #staging()} works on in place (the gzip layer stages any other). Implementations are thread-safe.
 */
public interface Backend extends AutoCloseable {

    /** Short stable name used in configuration, metrics and logs: {@code qat}, {@code isal}, {@code libdeflate}, {@code jdk}. */
    String name();

    /** What it can do: levels, inflation and its strictness. Facts only: the ladder decides who serves what. */
    default Capabilities capabilities() {
        return Capabilities.ALL_LEVELS_ZLIB_STRICT;
    }

    /** The memory this backend reads and writes in place, and where anything else is staged. */
    StagingMemory staging();

    /** Upper bound of the raw deflate output for {@code inputLength} bytes at any level. */
    int deflateBound(int inputLength);

    /**
     * Compresses all remaining bytes of {@code src} into one complete raw deflate stream (final block set).
     *
     * @param level a Kafka level its {@link #capabilities()} compresses at, mapped onto its own scale
     * @throws BackendException if this backend cannot serve the request (the caller falls back)
     */
    Deflated deflate(ByteBuffer src, ByteBuffer dst, int level);

    /**
     * Inflates one raw deflate stream that starts at {@code src.position()}. Bytes after the end of the stream are left
     * unconsumed.
     *
     * @return {@link Inflated#complete()} false when {@code dst} was too small (nothing is consumed or kept in that
     *         case: the caller retries with a larger destination)
     * @throws io.kqat.codec.CorruptGzipException if the data is not valid deflate
     * @throws BackendException if this backend cannot serve the request (the caller falls back)
     */
    Inflated inflate(ByteBuffer src, ByteBuffer dst);

    /** A piece-by-piece inflater, or null when this backend inflates only whole streams (or not at all). */
    default InflateStream newInflateStream() {
        return null;
    }

    /** Mode and figures for {@code doctor} and metrics; {@link BackendDetail#SOFTWARE} for software. */
    default BackendDetail detail() {
        return BackendDetail.SOFTWARE;
    }

    @Override
    default void close() {
    }

    /** Result of {@link #deflate}: bytes produced, and the CRC32 of the input when the engine computed it. */
    final class Deflated {
        public static final long NO_CRC = -1L;
        private final int produced;
        private final long crc32;

        public Deflated(int produced, long crc32) {
            this.produced = produced;
            this.crc32 = crc32;
        }

        public int produced() {
            return produced;
        }

        public long crc32() {
            return crc32;
        }

        public boolean hasCrc() {
            return crc32 != NO_CRC;
        }
    }

    /**
     * Result of {@link #inflate}: bytes consumed and produced, and the CRC32 of the output when the engine computed it
     * (a device does; so does ISA-L's whole-member inflate, in software): the caller checks it against the member's
     * trailer.
     */
    final class Inflated {
        public static final Inflated OUTPUT_TOO_SMALL = new Inflated(false, 0, 0);
        private final boolean complete;
        private final int consumed;
        private final int produced;
        private final long crc32;
        private final boolean softwareCrc;

        public Inflated(boolean complete, int consumed, int produced) {
            this(complete, consumed, produced, Deflated.NO_CRC);
        }

        /** With a device's CRC32 of its output: a disagreement with the trailer may be the device's, not the data's. */
        public Inflated(boolean complete, int consumed, int produced, long crc32) {
            this(complete, consumed, produced, crc32, false);
        }

        private Inflated(boolean complete, int consumed, int produced, long crc32, boolean softwareCrc) {
            this.complete = complete;
            this.consumed = consumed;
            this.produced = produced;
            this.crc32 = crc32;
            this.softwareCrc = softwareCrc;
        }

        /**
         * A whole stream inflated with the CRC32 of the output computed in software as it was written (ISA-L): as
         * trustworthy as the host's own pass, so a disagreement with the trailer is the data's fault.
         */
        public static Inflated withSoftwareCrc(int consumed, int produced, long crc32) {
            return new Inflated(true, consumed, produced, crc32, true);
        }

        public long crc32() {
            return crc32;
        }

        public boolean hasCrc() {
            return crc32 != Deflated.NO_CRC;
        }

        /** True when {@link #crc32()} was computed in software (a mismatch is corrupt input), false for a device's. */
        public boolean softwareCrc() {
            return softwareCrc;
        }

        public boolean complete() {
            return complete;
        }

        public int consumed() {
            return consumed;
        }

        public int produced() {
            return produced;
        }

        @Override
        public String toString() {
            return complete ? "inflated " + consumed + " -> " + produced + " bytes" : "output too small";
        }
    }
}
