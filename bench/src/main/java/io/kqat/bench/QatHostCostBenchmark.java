package io.kqat.bench;

import io.kqat.codec.BufferLease;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.EmulatorControl;
import io.kqat.emulator.Emulators;
import io.kqat.samples.KafkaLikeEvents;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The host's cost of one QAT request, as the Kafka hook makes it: a batch already in device-mapped batch memory,
 * compressed into one gzip member (framing, staging of the output, descriptors, the JNA calls, the wait and the poll).
 * Runs on kqat's emulator (its device works on its own thread, with {@code latencyMicros} per request: about a 4xxx's
 * time at level 1), so the submitting thread's CPU is the host's share only. Besides JMH's time per request, the
 * counters give the thread's CPU time ({@code hostCpuNanos}) over the same requests ({@code requests}): their ratio
 * is the host CPU per request. Run with the emulator built:
 * {@code java -Dkqat.emulator.dir=qat-emulator/target/native -jar bench/target/kqat-benchmarks.jar QatHostCostBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QatHostCostBenchmark {

    @Param({"16", "64", "256"})
    public int batchKiB;

    @Param({"-1"})
    public long latencyMicros;

    private EmulatorControl emulator;
    private GzipCodec codec;
    private BufferLease lease;
    private ByteBuffer batch;
    private ByteBuffer member;

    /** Thread CPU time and requests of the measured iterations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class HostCpu {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        public long hostCpuNanos;
        public long requests;
        private long start;

        @Setup(Level.Iteration)
        public void begin() {
            hostCpuNanos = 0;
            requests = 0;
            start = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void end() {
            hostCpuNanos = THREADS.getCurrentThreadCpuTime() - start;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        emulator = Emulators.control("iova");
        emulator.setLatencyMicros(latencyMicros >= 0 ? latencyMicros : 5 + batchKiB * 25L / 64);
        codec = GzipCodec.create(CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, Emulators.dir("iova").toString())
                .setText(KqatSettings.QAT_TIMEOUT_MS, "5000").build());
        if (!"qat".equals(codec.backendName())) {
            throw new IllegalStateException("the zero-copy QAT rung is not ready: " + codec.backend("qat").skipReason());
        }
        int bytes = batchKiB << 10;
        lease = codec.acquireBatchBuffer(bytes);
        batch = lease.buffer().put(new KafkaLikeEvents(2026).fill(bytes)).flip();
        member = ByteBuffer.allocate(codec.maxCompressedLength(bytes));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        lease.close();
        codec.close();
        emulator.setLatencyMicros(0);
    }

    @Benchmark
    public int compress(HostCpu cpu) {
        batch.rewind();
        member.clear();
        cpu.requests++;
        return codec.compress(batch, member, 1);
    }
}
