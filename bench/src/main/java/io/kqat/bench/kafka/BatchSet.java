package io.kqat.bench.kafka;

import io.kqat.local.e2e.DatasetRecords;
import io.kqat.local.e2e.PublicDataset;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * The dataset's records cut into Kafka batches of one size, in the dataset's order: each batch holds as many records
 * as fit in {@code batchBytes} uncompressed (a producer's {@code batch.size}), and is built by Kafka's own
 * {@link MemoryRecordsBuilder} into a buffer of that size, as the producer's buffer pool hands it out.
 */
final class BatchSet {
    static final long BASE_TIMESTAMP = 1_767_225_600_000L;

    final int batchBytes;
    final byte[][] values;
    /** Batch i holds records first[i] (inclusive) to first[i + 1]. */
    final int[] first;
    /** The uncompressed records section of each batch: the bytes a codec compresses. */
    final int[] recordBytes;

    private BatchSet(int batchBytes, byte[][] values, int[] first, int[] recordBytes) {
        this.batchBytes = batchBytes;
        this.values = values;
        this.first = first;
        this.recordBytes = recordBytes;
    }

    /** The public dataset (at most {@code maxDatasetBytes} of it, all when 0) in batches of {@code batchBytes}. */
    static BatchSet load(int batchBytes, long maxDatasetBytes) {
        List<byte[]> records = DatasetRecords.read(PublicDataset.file(), maxDatasetBytes);
        return cut(records.toArray(new byte[0][]), batchBytes);
    }

    static BatchSet cut(byte[][] values, int batchBytes) {
        List<Integer> starts = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(batchBytes);
        int i = 0;
        while (i < values.length) {
            buffer.clear();
            MemoryRecordsBuilder b = builder(buffer, Compression.NONE);
            int start = i;
            while (i < values.length && b.hasRoomFor(timestamp(i), null, values[i], Record.EMPTY_HEADERS)) {
                b.append(timestamp(i), null, values[i], Record.EMPTY_HEADERS);
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("record " + i + " does not fit a " + batchBytes + "-byte batch");
            }
            starts.add(start);
            sizes.add(b.build().sizeInBytes() - DefaultRecordBatch.RECORD_BATCH_OVERHEAD);
        }
        starts.add(values.length);
        return new BatchSet(batchBytes, values, starts.stream().mapToInt(Integer::intValue).toArray(),
                sizes.stream().mapToInt(Integer::intValue).toArray());
    }

    int count() {
        return recordBytes.length;
    }

    /** Builds batch {@code index} with {@code compression} into {@code buffer} (cleared first), as a producer does. */
    MemoryRecords build(int index, Compression compression, ByteBuffer buffer) {
        buffer.clear();
        MemoryRecordsBuilder b = builder(buffer, compression);
        for (int r = first[index]; r < first[index + 1]; r++) {
            b.append(timestamp(r), null, values[r], Record.EMPTY_HEADERS);
        }
        return b.build();
    }

    /** Batch {@code index}'s uncompressed records section (what the codec sees), in a fresh buffer. */
    ByteBuffer recordsSection(int index, boolean direct) {
        MemoryRecords plain = build(index, Compression.NONE, ByteBuffer.allocate(batchBytes));
        ByteBuffer batch = plain.buffer();
        batch.position(batch.position() + DefaultRecordBatch.RECORD_BATCH_OVERHEAD);
        ByteBuffer copy = direct ? ByteBuffer.allocateDirect(batch.remaining()) : ByteBuffer.allocate(batch.remaining());
        return copy.put(batch).flip();
    }

    int records(int index) {
        return first[index + 1] - first[index];
    }

    private static MemoryRecordsBuilder builder(ByteBuffer buffer, Compression compression) {
        return MemoryRecords.builder(buffer, RecordBatch.CURRENT_MAGIC_VALUE, compression, TimestampType.CREATE_TIME, 0L);
    }

    private static long timestamp(int record) {
        return BASE_TIMESTAMP + record;
    }
}
