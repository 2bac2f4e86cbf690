package io.kqat.bench;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.samples.KafkaLikeEvents;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
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
 * One Kafka batch through the codec facade, per backend and level: compress into one gzip member, and decompress it.
 * Throughput is per batch; multiply by the batch size for bytes per second. Run side by side in one invocation:
 * {@code java -jar bench/target/kqat-benchmarks.jar GzipCodecBenchmark -p backend=isal,libdeflate,jdk}.
 * A backend that does not serve a level (isal above 2) is reported by the failing setup, not measured silently
 * through another. Decompression is measured as the pinned codec does it, with the backend's own inflater.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GzipCodecBenchmark {

    @Param({"isal", "libdeflate", "jdk"})
    public String backend;

    @Param({"1", "6"})
    public int level;

    @Param({"16384", "1048576"})
    public int batchBytes;

    private GzipCodec codec;
    private ByteBuffer batch;
    private ByteBuffer member;
    private ByteBuffer compressed;

    @Setup(Level.Trial)
    public void setUp() {
        codec = GzipCodec.create(CodecConfig.builder().backend(backend).level(level).build());
        if (!codec.backend(backend).compresses(level)) {
            codec.close();
            throw new IllegalStateException(backend + " does not serve level " + level);
        }
        byte[] data = new KafkaLikeEvents(2026).fill(batchBytes);
        batch = ByteBuffer.allocateDirect(batchBytes).put(data).flip();
        member = ByteBuffer.allocateDirect(codec.maxCompressedLength(batchBytes));
        codec.compress(batch.duplicate(), member, level);
        compressed = ByteBuffer.allocateDirect(member.flip().remaining()).put(member).flip();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        codec.close();
    }

    @Benchmark
    public int compress() {
        member.clear();
        return codec.compress(batch.duplicate(), member, level);
    }

    @Benchmark
    public ByteBuffer decompress() {
        return codec.decompress(compressed.duplicate());
    }
}
