package io.kqat.bench.kafka;

import io.kqat.codec.GzipCodec;
import io.kqat.codec.StatsSnapshot;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.apache.kafka.common.utils.internals.CloseableIterator;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Kafka's own batch path per codec, on the public dataset's records: {@link #build} appends a batch's records to
 * Kafka's {@code MemoryRecordsBuilder} and closes it (what a producer does per batch); {@link #consume} iterates every
 * record of a built batch as the consumer's fetcher does (CRC check, streaming iterator, key and value copied out);
 * {@link #validate} as the broker's log validator does (skip-key-value iterator). Each operation is the next batch of
 * the dataset, round robin. The kqat rows install kqat's hook in their own fork only ({@link KqatHook}); the gzip ones
 * check kqat's counters: every batch decoded by the rung the row is named for ({@link DecodeRungs}).
 *
 * <p>{@code java -jar bench/target/kqat-benchmarks.jar KafkaPathBenchmark -p codec=gzip-6,kqat-libdeflate-6}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djdk.attach.allowAttachSelf=true"})
public class KafkaPathBenchmark {
    @Param({"none", "lz4", "snappy", "zstd", "gzip-1", "gzip-6", "kqat-1", "kqat-6", "kqat-isal-1",
            "kqat-libdeflate-1", "kqat-libdeflate-6", "kqat-jdk-1", "kqat-jdk-6", "kqat-qat-1", "kqat-qat-6"})
    public String codec;

    @Param({"16384", "65536", "1048576"})
    public int batchBytes;

    /** Bytes of the dataset used (0: all of it); short runs use a part. */
    @Param("0")
    public long datasetBytes;

    private KafkaCodec row;
    private BatchSet batches;
    private ByteBuffer buffer;
    private ByteBuffer[] built;
    private BufferSupplier supplier;
    private int next;
    /** The kqat gzip rows' decoding since set-up, checked at tear-down; null for other rows. */
    private DecodeRungs decoded;

    @Setup(Level.Trial)
    public void setUp() {
        row = KafkaCodec.parse(codec);
        GzipCodec kqat = row.kqat() && !row.zstd ? KqatHook.install(row.kqatBackend, row.level) : null;
        io.kqat.codec.ZstdCodec kqatZstd = row.kqat() && row.zstd ? KqatHook.installZstd(row.kqatBackend, row.level) : null;
        batches = BatchSet.load(batchBytes, datasetBytes);
        buffer = ByteBuffer.allocate(batchBytes);
        built = new ByteBuffer[batches.count()];
        for (int i = 0; i < built.length; i++) {
            ByteBuffer b = batches.build(i, row.compression, ByteBuffer.allocate(batchBytes)).buffer();
            built[i] = ByteBuffer.allocate(b.remaining()).put(b).flip();
        }
        supplier = BufferSupplier.create();
        DecodeRungs setUpReads = kqat != null ? new DecodeRungs(kqat) : null;
        checkEveryRecord();
        if (kqat != null) {
            long n = setUpReads.check(row, built.length);
            System.out.printf("kqat row %s: %d batches decoded by %s (%s)%n", codec, n, setUpReads.expected(),
                    row.forced() ? "forced" : "the default ladder's choice");
            decoded = new DecodeRungs(kqat);
        }
        StatsSnapshot totals = kqat != null ? kqat.totals() : kqatZstd != null ? kqatZstd.totals() : null;
        if (totals != null && totals.getCompressBatches() < built.length) {
            throw new IllegalStateException("kqat's hook did not compress the " + codec + " batches: " + totals);
        }
    }

    /** Reads every built batch back and compares it with the dataset: a row that loses or alters data is no row. */
    private void checkEveryRecord() {
        for (int i = 0; i < built.length; i++) {
            int r = batches.first[i];
            for (MutableRecordBatch batch : MemoryRecords.readableRecords(built[i].duplicate()).batches()) {
                batch.ensureValid();
                try (CloseableIterator<Record> it = batch.streamingIterator(supplier)) {
                    while (it.hasNext()) {
                        Record record = it.next();
                        if (r >= batches.first[i + 1]
                                || !ByteBuffer.wrap(batches.values[r]).equals(record.value())) {
                            throw new IllegalStateException(codec + " batch " + i + " does not read back at record " + r);
                        }
                        r++;
                    }
                }
            }
            if (r != batches.first[i + 1]) {
                throw new IllegalStateException(codec + " batch " + i + " read back " + (r - batches.first[i])
                        + " records of " + batches.records(i));
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (decoded != null) {
            long n = decoded.check(row, 0);
            System.out.printf("kqat row %s: %d measured batches decoded by %s%n", codec, n, decoded.expected());
        }
        supplier.close();
    }

    @Benchmark
    public MemoryRecords build(ByteCounters bytes) {
        long cpu = ByteCounters.cpuNow();
        int i = nextBatch();
        MemoryRecords records = batches.build(i, row.compression, buffer);
        bytes.count(batches.recordBytes[i], records.sizeInBytes(), cpu);
        return records;
    }

    @Benchmark
    public void consume(ByteCounters bytes, Blackhole bh) {
        long cpu = ByteCounters.cpuNow();
        int i = nextBatch();
        ByteBuffer batchBuffer = built[i].duplicate();
        for (MutableRecordBatch batch : MemoryRecords.readableRecords(batchBuffer).batches()) {
            batch.ensureValid();
            try (CloseableIterator<Record> it = batch.streamingIterator(supplier)) {
                while (it.hasNext()) {
                    Record record = it.next();
                    bh.consume(record.offset());
                    bh.consume(copy(record.key()));
                    bh.consume(copy(record.value()));
                }
            }
        }
        bytes.count(batches.recordBytes[i], built[i].remaining(), cpu);
    }

    @Benchmark
    public void validate(ByteCounters bytes, Blackhole bh) {
        long cpu = ByteCounters.cpuNow();
        int i = nextBatch();
        for (MutableRecordBatch batch : MemoryRecords.readableRecords(built[i].duplicate()).batches()) {
            long offsets = 0;
            long timestamps = 0;
            try (CloseableIterator<Record> it = ((DefaultRecordBatch) batch).skipKeyValueIterator(supplier)) {
                while (it.hasNext()) {
                    Record record = it.next();
                    offsets += record.offset();
                    timestamps += record.timestamp();
                }
            }
            bh.consume(offsets);
            bh.consume(timestamps);
        }
        bytes.count(batches.recordBytes[i], built[i].remaining(), cpu);
    }

    private int nextBatch() {
        int i = next;
        next = i + 1 == built.length ? 0 : i + 1;
        return i;
    }

    /** What Kafka's ByteArrayDeserializer hands the application: a copy of the bytes. */
    private static byte[] copy(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
