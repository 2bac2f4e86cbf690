package io.kqat.bench.kafka;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bytes per second beside each benchmark's batches per second: {@code uncompressed} counts the batches' records
 * sections (the bytes every codec sees, the same for every row), {@code compressed} what they became, so MB/s and the
 * ratio come out of the same iterations as the timing.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ByteCounters {
    public long uncompressed;
    public long compressed;

    @Setup(Level.Iteration)
    public void reset() {
        uncompressed = 0;
        compressed = 0;
    }

    void count(long uncompressedBytes, long compressedBytes) {
        uncompressed += uncompressedBytes;
        compressed += compressedBytes;
    }
}
