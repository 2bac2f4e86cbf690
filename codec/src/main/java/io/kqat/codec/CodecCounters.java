package io.kqat.codec;

/** What a codec counts beyond its backends' counters: what its streams did around them. */
public interface CodecCounters {

    /** Bytes of batches copied because a batch outgrew its memory (0 where leases grow in place). */
    long batchBytesMoved();

    /** Batches written through the JDK's deflater at close after everything else failed. */
    long lastResortBatches();
}
