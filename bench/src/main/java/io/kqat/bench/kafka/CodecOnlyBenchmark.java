package io.kqat.bench.kafka;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.Setting;
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
 * The bare codec on exactly the bytes {@link KafkaPathBenchmark}'s kqat rows hand it: each batch's uncompressed records
 * section, compressed with {@link GzipCodec#compress} into one gzip member and inflated back with
 * {@link GzipCodec#decompress}, direct buffers allocated once (the codec's best case, the figure the hook should
 * approach). Its {@code kqatCodec} rows are named as the Kafka rows' {@code codec}, so the table puts them side by side (a
 * parameter of its own, so {@code -p codec=...} narrows the Kafka rows without breaking these).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CodecOnlyBenchmark {
    @Param({"kqat-isal-1", "kqat-libdeflate-1", "kqat-libdeflate-6", "kqat-jdk-1", "kqat-jdk-6", "kqat-qat-1",
            "kqat-qat-6"})
    public String kqatCodec;

    @Param({"16384", "65536", "1048576"})
    public int batchBytes;

    @Param("0")
    public long datasetBytes;

    private GzipCodec gzip;
    private int level;
    private ByteBuffer[] sections;
    private ByteBuffer[] members;
    private ByteBuffer out;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        KafkaCodec row = KafkaCodec.parse(kqatCodec);
        if (!row.kqat()) {
            throw new IllegalArgumentException("codec-only rows are kqat rows, not " + kqatCodec);
        }
        level = row.level;
        CodecConfig.Builder config = CodecConfig.builder().level(level);
        if (row.forced()) {
            config.backend(row.kqatBackend);
        }
        KqatHook.codecOptions(row.kqatBackend).forEach((k, v) -> config.set(k, v, Setting.Where.AGENT));
        gzip = GzipCodec.create(config.build());
        if (row.forced() && !gzip.backend(row.kqatBackend).compresses(level)) {
            gzip.close();
            throw new IllegalStateException(row.kqatBackend + " does not compress level " + level);
        }
        BatchSet batches = BatchSet.load(batchBytes, datasetBytes);
        sections = new ByteBuffer[batches.count()];
        members = new ByteBuffer[batches.count()];
        out = ByteBuffer.allocateDirect(gzip.maxCompressedLength(batchBytes));
        for (int i = 0; i < sections.length; i++) {
            sections[i] = batches.recordsSection(i, true);
            out.clear();
            gzip.compress(sections[i].duplicate(), out, level);
            members[i] = ByteBuffer.allocateDirect(out.flip().remaining()).put(out).flip();
            if (!gzip.decompress(members[i].duplicate()).equals(sections[i].duplicate())) {
                throw new IllegalStateException(kqatCodec + " does not give batch " + i + " back");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        gzip.close();
    }

    @Benchmark
    public int compress(ByteCounters bytes) {
        long cpu = ByteCounters.cpuNow();
        int i = nextBatch();
        out.clear();
        int n = gzip.compress(sections[i].duplicate(), out, level);
        bytes.count(sections[i].remaining(), n, cpu);
        return n;
    }

    @Benchmark
    public ByteBuffer decompress(ByteCounters bytes) {
        long cpu = ByteCounters.cpuNow();
        int i = nextBatch();
        ByteBuffer records = gzip.decompress(members[i].duplicate());
        bytes.count(records.remaining(), members[i].remaining(), cpu);
        return records;
    }

    private int nextBatch() {
        int i = next;
        next = i + 1 == sections.length ? 0 : i + 1;
        return i;
    }
}
