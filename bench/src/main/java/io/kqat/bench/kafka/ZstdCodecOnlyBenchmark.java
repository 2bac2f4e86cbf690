package io.kqat.bench.kafka;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.ZstdCodec;
import io.kqat.emulator.EmulatorControl;
import io.kqat.local.KafkaRuntimes;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * zstd alone on each batch's records section, three ways, side by side: {@code zstd-jni-kafka} as kafka-clients 4.4
 * does it (a new zstd-jni stream per batch, fed in 16 KiB writes by Kafka's BufferedOutputStream; read back through a
 * new stream per batch in 16 KiB reads), {@code zstd-jni-ctx} zstd-jni at its best (one-shot calls on contexts reused
 * across batches, direct buffers), and {@code kqat-libzstd} kqat's software rung (the system libzstd through JNA,
 * pooled contexts; read back through its batch stream). The figures give each software rung its reason to exist, or not.
 * {@code kqat-qat-lz4s} is kqat's QAT LZ4s rung on the emulator (needs {@code -Dkqat.emulator.dir}), fed as Kafka feeds
 * its zstd stream (the batch written into the stream, which keeps it in the device's mapped region): its CPU per batch
 * is the benchmark thread's, which excludes the emulated device (its own process); it is decoded by libzstd.
 * {@code kqat-qat-zstd} is kqat's native zstd rung on the emulator answering as a 6xxx (the device writes the frame;
 * the host submits, waits and copies the frame out), fed the same way.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ZstdCodecOnlyBenchmark {
    private static final int KAFKA_CHUNK = 16 << 10;

    @Param({"zstd-jni-kafka", "zstd-jni-ctx", "kqat-libzstd", "kqat-qat-lz4s", "kqat-qat-zstd"})
    public String zstdPath;

    @Param({"3"})
    public int level;

    @Param({"16384", "65536", "1048576"})
    public int batchBytes;

    @Param("0")
    public long datasetBytes;

    private ZstdCodec kqat;
    private ZstdCompressCtx cctx;
    private ZstdDecompressCtx dctx;
    private byte[][] sections;
    private ByteBuffer[] directSections;
    private byte[][] frames;
    private ByteBuffer[] directFrames;
    private ByteBuffer out;
    private ByteBuffer directRecords;
    private byte[] records;
    private int next;
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();

    /** The QAT row runs on the project's emulator, found in the build as the Kafka-path QAT rows find it. */
    private static Path emulator() {
        Path dir = KafkaRuntimes.locate().emulatorDir("iova");
        if (dir == null) {
            throw new IllegalStateException("the kqat-qat-* rows need the emulator: build the qat-emulator module");
        }
        return dir;
    }

    /** The QAT rung a row must be served by, or null for the software rows. */
    private String qatRung() {
        return zstdPath.startsWith("kqat-qat-") ? zstdPath.substring("kqat-".length()) : null;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String rung = qatRung();
        if (rung != null) { // this fork's emulator answers as the generation whose rung the row measures
            EmulatorControl.open(emulator()).setGeneration(rung.equals("qat-zstd") ? "6xxx" : "4xxx");
        }
        kqat = ZstdCodec.create(rung != null
                ? CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, emulator().toString())
                        .setText(KqatSettings.QAT_TIMEOUT_MS, "5000").set(KqatSettings.ZSTD_MODE, "qat").build()
                : CodecConfig.builder().set(KqatSettings.ZSTD_BACKEND, "libzstd").build());
        if (rung != null && !rung.equals(kqat.backendName(level))) {
            throw new IllegalStateException("the " + rung + " rung does not serve level " + level + ": " + kqat.routes());
        }
        cctx = new ZstdCompressCtx().setLevel(level);
        dctx = new ZstdDecompressCtx();
        BatchSet batches = BatchSet.load(batchBytes, datasetBytes);
        int n = batches.count();
        sections = new byte[n][];
        directSections = new ByteBuffer[n];
        frames = new byte[n][];
        directFrames = new ByteBuffer[n];
        out = ByteBuffer.allocateDirect(kqat.maxCompressedLength(batchBytes));
        records = new byte[batchBytes];
        directRecords = ByteBuffer.allocateDirect(batchBytes);
        for (int i = 0; i < n; i++) {
            directSections[i] = batches.recordsSection(i, true);
            sections[i] = new byte[directSections[i].remaining()];
            directSections[i].duplicate().get(sections[i]);
            frames[i] = compressOnce(i);
            directFrames[i] = ByteBuffer.allocateDirect(frames[i].length).put(frames[i]).flip();
            if (decompressOnce(i) != sections[i].length || !java.util.Arrays.equals(records, 0, sections[i].length,
                    sections[i], 0, sections[i].length)) {
                throw new IllegalStateException(zstdPath + " does not give batch " + i + " back");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kqat.close();
        cctx.close();
        dctx.close();
    }

    private byte[] compressOnce(int i) throws IOException {
        switch (zstdPath) {
            case "zstd-jni-kafka": {
                ByteArrayOutputStream wire = new ByteArrayOutputStream();
                try (OutputStream zstd = new BufferedOutputStream(new ZstdOutputStreamNoFinalizer(wire,
                        RecyclingBufferPool.INSTANCE).setLevel(level), KAFKA_CHUNK)) {
                    zstd.write(sections[i]);
                }
                return wire.toByteArray();
            }
            case "zstd-jni-ctx": {
                out.clear();
                int n = cctx.compressDirectByteBuffer(out, 0, out.capacity(), directSections[i], 0, sections[i].length);
                byte[] frame = new byte[n];
                out.get(frame);
                return frame;
            }
            case "kqat-qat-lz4s":
            case "kqat-qat-zstd": {
                wire.reset();
                try (OutputStream zstd = kqat.batchOutputStream(wire, level)) {
                    zstd.write(sections[i]);
                }
                return wire.toByteArray();
            }
            case "kqat-libzstd": {
                out.clear();
                int n = kqat.compress(directSections[i].duplicate(), out, level);
                byte[] frame = new byte[n];
                out.flip().get(frame);
                return frame;
            }
            default:
                throw new IllegalArgumentException("zstdPath " + zstdPath);
        }
    }

    /** Decodes frame i into {@link #records}; returns the byte count. */
    private int decompressOnce(int i) throws IOException {
        switch (zstdPath) {
            case "zstd-jni-kafka":
                try (InputStream in = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(frames[i]),
                        RecyclingBufferPool.INSTANCE)) {
                    return readAll(in);
                }
            case "zstd-jni-ctx": {
                int n = dctx.decompressDirectByteBuffer(directRecords, 0, directRecords.capacity(), directFrames[i], 0,
                        frames[i].length);
                directRecords.get(0, records, 0, n);
                return n;
            }
            default:
                try (InputStream in = kqat.batchInputStream(ByteBuffer.wrap(frames[i]))) {
                    return readAll(in);
                }
        }
    }

    private int readAll(InputStream in) throws IOException {
        int n = 0;
        for (int r; (r = in.read(records, n, Math.min(KAFKA_CHUNK, records.length - n))) > 0; ) {
            n += r;
        }
        return n;
    }

    @Benchmark
    public int compress(ByteCounters bytes) throws IOException {
        long cpu = ByteCounters.cpuNow();
        int i = nextBatch();
        int n = zstdPath.equals("zstd-jni-kafka") || qatRung() != null ? compressOnce(i).length
                : compressInPlace(i);
        bytes.count(sections[i].length, n, cpu);
        return n;
    }

    /** The one-shot rows without the copy of the frame into a fresh array. */
    private int compressInPlace(int i) {
        out.clear();
        if (zstdPath.equals("zstd-jni-ctx")) {
            return cctx.compressDirectByteBuffer(out, 0, out.capacity(), directSections[i], 0, sections[i].length);
        }
        return kqat.compress(directSections[i].duplicate(), out, level);
    }

    @Benchmark
    public int decompress(ByteCounters bytes) throws IOException {
        long cpu = ByteCounters.cpuNow();
        int i = nextBatch();
        int n = decompressOnce(i);
        bytes.count(n, frames[i].length, cpu);
        return n;
    }

    private int nextBatch() {
        int i = next;
        next = i + 1 == sections.length ? 0 : i + 1;
        return i;
    }
}
