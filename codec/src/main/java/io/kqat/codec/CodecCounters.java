package io.kqat.codec;

/** What a codec counts beyond its backends' counters: what its streams did around them. */
public interface CodecCounters {

    /** Bytes of batches copied because a batch outgrew its memory (0 where leases grow in place). */
    long batchBytesMoved();

    /** Batches written through the JDK's deflater at close after everything else failed. */
    long lastResortBatches();

    /**
     * Compressed bytes copied from kqat's memory into a stream's target (Kafka's buffer, a file): every member written
     * through {@link java.io.OutputStream#write}, that is each one whose target lent no room for it in place
     * ({@link DirectTarget}). Not counted by the backends' {@code compressCopiedOut}, which ends in kqat's memory.
     */
    long targetBytesCopied();

    /**
     * Inflated bytes copied from kqat's decoding windows into the reader's memory: what a stream's {@code read} hands
     * out, and what a whole decompression puts into (and moves within) the buffer it returns.
     */
    long readerBytesCopied();
}
