package io.kqat.bench.kafka;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bytes per second beside each benchmark's batches per second: {@code uncompressed} counts the batches' records
 * sections (the bytes every codec sees, the same for every row), {@code compressed} what they became, so MB/s and the
 * ratio come out of the same iterations as the timing. {@code cpuNanos} is the benchmark thread's own CPU time over
 * the operations, so MB per CPU-second can be had too: on a shared machine it moves far less with the load than MB
 * per wall-clock second does (it leaves out the GC and JIT threads).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ByteCounters {
    public long uncompressed;
    public long compressed;
    public long cpuNanos;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Setup(Level.Iteration)
    public void reset() {
        uncompressed = 0;
        compressed = 0;
        cpuNanos = 0;
    }

    /** This thread's CPU time now, to pass to {@link #count} when the operation ends. */
    static long cpuNow() {
        return THREADS.getCurrentThreadCpuTime();
    }

    void count(long uncompressedBytes, long compressedBytes, long cpuAtStart) {
        uncompressed += uncompressedBytes;
        compressed += compressedBytes;
        cpuNanos += cpuNow() - cpuAtStart;
    }
}
