package io.kqat.bench;

import io.kqat.codec.BufferLease;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.EmulatorControl;
import io.kqat.emulator.Emulators;
import io.kqat.local.cpu.ThreadCpu;
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
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The host's cost of one QAT request, as the Kafka hook makes it: a batch already in device-mapped batch memory,
 * compressed into one gzip member (framing, descriptors, the JNA calls, the wait and the delivery). Runs on kqat's
 * emulator, whose device is a process of its own ({@code kqat-emu-device}), with {@code latencyMicros} per request
 * at least (about a 4xxx's at level 1). Run with one caller ({@code -t 1}, a synchronous producer) or several
 * ({@code -t 4}). Besides JMH's time per request (the latency, for one caller), the counters, summed over the callers,
 * give: the callers' CPU ({@code callerCpuNanos}), kqat's own threads' CPU ({@code kqatThreadCpuNanos}, completion
 * threads where there are), the requests ({@code requests}) and the emulated device's CPU over the same time
 * ({@code deviceCpuNanos}, {@code deviceRequests}, the emulator's counters): host CPU per request is
 * (callerCpuNanos + kqatThreadCpuNanos) / requests, the device's deviceCpuNanos / deviceRequests, never mixed. Run with
 * the emulator built: {@code java -Dkqat.emulator.dir=qat-emulator/target/native -jar bench/target/kqat-benchmarks.jar
 * QatHostCostBenchmark -t 4}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QatHostCostBenchmark {

    @Param({"16", "64", "1024"})
    public int batchKiB;

    @Param({"-1"})
    public long latencyMicros;

    /** {@code auto}: event-driven completions (the iova variant is qatlib 26.08); {@code poll}: callers poll. */
    @Param({"auto", "poll"})
    public String completion;

    private EmulatorControl emulator;
    private GzipCodec codec;
    private byte[] data;

    /** One caller's batch, its member, and its counters over each measured iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Caller {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        public long callerCpuNanos;
        public long kqatThreadCpuNanos;
        public long requests;
        public long deviceCpuNanos;
        public long deviceRequests;
        private BufferLease lease;
        private ByteBuffer batch;
        private ByteBuffer member;
        private boolean first;
        private long cpu0;
        private long kqat0;
        private long device0;
        private long deviceRequests0;

        @Setup(Level.Trial)
        public void open(QatHostCostBenchmark b, ThreadParams thread) {
            first = thread.getThreadIndex() == 0; // one caller reads the process-wide figures, so they sum once
            lease = b.codec.acquireBatchBuffer(b.data.length);
            batch = lease.buffer().put(b.data).flip();
            member = ByteBuffer.allocate(b.codec.maxCompressedLength(b.data.length));
        }

        @Setup(Level.Iteration)
        public void begin(QatHostCostBenchmark b) {
            callerCpuNanos = kqatThreadCpuNanos = requests = deviceCpuNanos = deviceRequests = 0;
            cpu0 = THREADS.getCurrentThreadCpuTime();
            if (first) {
                kqat0 = ThreadCpu.named(THREADS, "kqat-");
                device0 = b.emulator.counter("device_cpu_ns");
                deviceRequests0 = b.emulator.counter("device_requests");
            }
        }

        @TearDown(Level.Iteration)
        public void end(QatHostCostBenchmark b) {
            callerCpuNanos = THREADS.getCurrentThreadCpuTime() - cpu0;
            if (first) {
                kqatThreadCpuNanos = ThreadCpu.named(THREADS, "kqat-") - kqat0;
                deviceCpuNanos = b.emulator.counter("device_cpu_ns") - device0;
                deviceRequests = b.emulator.counter("device_requests") - deviceRequests0;
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            lease.close();
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        emulator = Emulators.control("iova");
        emulator.setLatencyMicros(latencyMicros >= 0 ? latencyMicros : 5 + batchKiB * 25L / 64);
        codec = GzipCodec.create(CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, Emulators.dir("iova").toString())
                .setText(KqatSettings.QAT_TIMEOUT_MS, "5000").setText(KqatSettings.QAT_COMPLETION, completion).build());
        if (!"qat".equals(codec.backendName())) {
            throw new IllegalStateException("the zero-copy QAT rung is not ready: " + codec.backend("qat").skipReason());
        }
        data = new KafkaLikeEvents(2026).fill(batchKiB << 10);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        codec.close();
        emulator.setLatencyMicros(0);
    }

    @Benchmark
    public int compress(Caller caller) {
        caller.batch.rewind();
        caller.member.clear();
        caller.requests++;
        return codec.compress(caller.batch, caller.member, 1);
    }
}
