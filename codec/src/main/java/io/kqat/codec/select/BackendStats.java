package io.kqat.codec.select;

import java.util.concurrent.atomic.LongAdder;

/** Counters of one backend: cheap to bump from many threads, read by metrics and `doctor`. */
public final class BackendStats {
    final LongAdder compressCalls = new LongAdder();
    final LongAdder compressBytesIn = new LongAdder();
    final LongAdder compressBytesOut = new LongAdder();
    final LongAdder compressNanos = new LongAdder();
    final LongAdder decompressCalls = new LongAdder();
    final LongAdder decompressBytesIn = new LongAdder();
    final LongAdder decompressBytesOut = new LongAdder();
    final LongAdder decompressNanos = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder fallbacks = new LongAdder();

    public void recordCompress(long bytesIn, long bytesOut) {
        compressCalls.increment();
        compressBytesIn.add(bytesIn);
        compressBytesOut.add(bytesOut);
    }

    public void recordDecompress(long bytesIn, long bytesOut) {
        decompressCalls.increment();
        decompressBytesIn.add(bytesIn);
        decompressBytesOut.add(bytesOut);
    }

    public long compressCalls() {
        return compressCalls.sum();
    }

    public long compressBytesIn() {
        return compressBytesIn.sum();
    }

    public long compressBytesOut() {
        return compressBytesOut.sum();
    }

    public long compressNanos() {
        return compressNanos.sum();
    }

    public long decompressCalls() {
        return decompressCalls.sum();
    }

    public long decompressBytesIn() {
        return decompressBytesIn.sum();
    }

    public long decompressBytesOut() {
        return decompressBytesOut.sum();
    }

    public long decompressNanos() {
        return decompressNanos.sum();
    }

    /** Requests this backend failed (device fault, timeout, overflow). Corrupt input is not counted here. */
    public long errors() {
        return errors.sum();
    }

    /** Requests handed from this backend to the next rung, after an error or while its breaker was open. */
    public long fallbacks() {
        return fallbacks.sum();
    }
}
