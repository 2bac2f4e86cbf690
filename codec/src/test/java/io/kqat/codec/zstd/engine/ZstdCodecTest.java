package io.kqat.codec.zstd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.CorruptZstdException;
import io.kqat.codec.DirectTarget;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.OutputLimitExceededException;
import io.kqat.codec.StatsSnapshot;
import io.kqat.codec.ZstdCodec;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The zstd codec on this machine's libzstd: buffers, the batch streams the Kafka hook uses, bounds and counters. */
class ZstdCodecTest {
    private static final ZstdCodec CODEC = ZstdCodec.create(CodecConfig.defaults());

    @AfterAll
    static void close() {
        CODEC.close();
    }

    @Test
    void libzstdServesEveryLevelAndDecodes() {
        assertThat(CODEC.backendName(3)).isEqualTo("libzstd");
        assertThat(CODEC.backendName(0)).as("0 is the default level").isEqualTo("libzstd");
        assertThat(CODEC.backendName(-131072)).isEqualTo("libzstd");
        assertThat(CODEC.decompressBackendName()).isEqualTo("libzstd");
        assertThat(CODEC.routes()).isEqualTo("levels -131072..22: libzstd; decompress: libzstd");
        assertThat(CODEC.compresses(22)).isTrue();
        assertThat(CODEC.decodes()).isTrue();
        assertThatThrownBy(() -> CODEC.backendName(23)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, 16 << 10, (128 << 10) + 1, 3 << 20})
    void batchesWrittenInPiecesBecomeOneFrameKafkasZstdReads(int size) throws IOException {
        byte[] records = new KafkaLikeEvents(size).fill(size);
        ByteArrayOutputStream kafka = new ByteArrayOutputStream();
        OutputStream out = CODEC.batchOutputStream(kafka, 3);
        for (int i = 0; i < records.length; ) {
            int n = Math.min(records.length - i, 1 + i % 5000);
            if (n == 1) {
                out.write(records[i]);
            } else {
                out.write(records, i, n);
            }
            i += n;
        }
        out.flush();
        assertThat(kafka.size()).as("flush writes nothing").isZero();
        out.close();
        out.close();
        try (ZstdInputStream in = new ZstdInputStream(new ByteArrayInputStream(kafka.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(records);
        }
        try (InputStream in = CODEC.batchInputStream(ByteBuffer.wrap(kafka.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(records);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aDirectTargetGetsTheFrameInItsOwnBuffer() throws IOException {
        byte[] records = new KafkaLikeEvents(4).fill(200_000);
        Target target = new Target(1 << 20);
        try (OutputStream out = CODEC.batchOutputStream(target, 3)) {
            out.write(records);
        }
        assertThat(target.writes).as("no write through the stream").isZero();
        assertThat(Zstd.decompress(target.written(), records.length)).isEqualTo(records);
        Target small = new Target(100);
        try (OutputStream out = CODEC.batchOutputStream(small, 3)) {
            out.write(records);
        }
        assertThat(small.writes).as("no room: written through the stream").isPositive();
        assertThat(Zstd.decompress(small.written(), records.length)).isEqualTo(records);
    }

    @Test
    void aDiscardedBatchWritesNothing() throws IOException {
        ByteArrayOutputStream kafka = new ByteArrayOutputStream();
        OutputStream out = CODEC.batchOutputStream(kafka, 3);
        out.write(new byte[5000]);
        assertThat(GzipCodec.discard(out)).isTrue();
        out.close();
        assertThat(kafka.size()).isZero();
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
    }

    @Test
    void buffersRoundTripHeapOrDirectAndStockFramesOfEveryShapeDecode() {
        byte[] data = new KafkaLikeEvents(9).fill(500_000);
        ByteBuffer direct = ByteBuffer.allocateDirect(CODEC.maxCompressedLength(data.length));
        int n = CODEC.compress(ByteBuffer.allocateDirect(data.length).put(data).flip(), direct, 7);
        assertThat(direct.position()).isEqualTo(n);
        byte[] heap = CODEC.compress(data, -3);
        assertThat(Zstd.decompress(heap, data.length)).isEqualTo(data);
        assertThat(CODEC.decompress(heap)).isEqualTo(data);
        byte[] skippable = {0x50, 0x2A, 0x4D, 0x18, 2, 0, 0, 0, 1, 2};
        byte[] stock = concat(Zstd.compress(data, 3), skippable, Zstd.compress(data, 19));
        assertThat(CODEC.decompress(stock)).isEqualTo(concat(data, data));
        assertThat(CODEC.decompress(ByteBuffer.wrap(stock), Long.MAX_VALUE).remaining()).isEqualTo(2 * data.length);
    }

    @Test
    void aBatchSkipsAndReadsAsKafkaReadsIt() throws IOException {
        byte[] data = new KafkaLikeEvents(2).fill(300_000);
        try (InputStream in = CODEC.batchInputStream(ByteBuffer.wrap(Zstd.compress(data, 3)))) {
            assertThat(in.skip(1000)).isEqualTo(1000);
            byte[] rest = new byte[data.length - 1000];
            new DataInputStream(in).readFully(rest);
            assertThat(rest).isEqualTo(Arrays.copyOfRange(data, 1000, data.length));
            assertThat(in.skip(10)).isZero();
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aBatchThatDoesNotStartAsZstdIsRefusedAtOpenLaterFaultsAreIoExceptions() {
        ByteBuffer notZstd = ByteBuffer.wrap("definitely not zstd".getBytes());
        assertThatThrownBy(() -> CODEC.batchInputStream(notZstd)).isInstanceOf(CorruptZstdException.class);
        assertThat(notZstd.position()).as("left where it was for Kafka's own decoder").isZero();
        assertThatThrownBy(() -> CODEC.batchInputStream(ByteBuffer.wrap(new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})))
                .as("a frame header kqat cannot parse, refused at open").isInstanceOf(CorruptZstdException.class);
        byte[] frame = Zstd.compress(new KafkaLikeEvents(1).fill(1 << 20), 3);
        byte[] truncated = Arrays.copyOf(frame, frame.length - 100);
        assertThatThrownBy(() -> {
            try (InputStream in = CODEC.batchInputStream(ByteBuffer.wrap(truncated))) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("truncated");
        byte[] trailing = concat(frame, new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> {
            try (InputStream in = CODEC.batchInputStream(ByteBuffer.wrap(trailing))) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void theBoundHoldsOnBuffersAndOnBatchesWhenSet() {
        byte[] bomb = Zstd.compress(new byte[64 << 20], 3);
        assertThatThrownBy(() -> CODEC.decompress(ByteBuffer.wrap(bomb), 1 << 20)).isInstanceOf(OutputLimitExceededException.class);
        assertThat(CODEC.decompress(bomb)).as("the default 256 MiB holds 64 MiB").hasSize(64 << 20);
        try (ZstdCodec bounded = ZstdCodec.create(CodecConfig.builder().maxDecompressedBytes(1 << 20).build())) {
            assertThatThrownBy(() -> {
                try (InputStream in = bounded.batchInputStream(ByteBuffer.wrap(bomb))) {
                    in.readAllBytes();
                }
            }).hasCauseInstanceOf(OutputLimitExceededException.class);
        }
    }

    @Test
    void everyCopyIsCounted() throws IOException {
        try (ZstdCodec codec = ZstdCodec.create(CodecConfig.defaults())) {
            byte[] data = new KafkaLikeEvents(6).fill(100_000);
            byte[] frame = codec.compress(data, 3);
            StatsSnapshot s = codec.totals();
            assertThat(s.getCompressBatches()).isEqualTo(1);
            assertThat(s.getCompressBytesIn()).isEqualTo(data.length);
            assertThat(s.getCompressBytesOut()).isEqualTo(frame.length);
            assertThat(s.getCompressCopiedIn()).as("a heap array is staged once").isEqualTo(data.length);
            assertThat(s.getCompressCopiedOut()).isEqualTo(frame.length);
            try (InputStream in = codec.batchInputStream(ByteBuffer.wrap(frame))) {
                in.readAllBytes();
            }
            s = codec.totals();
            assertThat(s.getDecompressBatches()).isEqualTo(1);
            assertThat(s.getDecompressBytesIn()).isEqualTo(frame.length);
            assertThat(s.getDecompressBytesOut()).isEqualTo(data.length);
            assertThat(s.getDecompressCopiedIn()).isEqualTo(frame.length);
            assertThat(s.getDecompressCopiedOut()).isEqualTo(data.length);
            try (OutputStream out = codec.batchOutputStream(new ByteArrayOutputStream(), 3)) {
                out.write(new byte[60_000]);
                out.write(new byte[140_000]);
            }
            assertThat(codec.counters().batchBytesMoved()).as("a batch grown from 64 KiB").isPositive();
            assertThat(codec.counters().lastResortBatches()).isZero();
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.write(p, 0, p.length);
        }
        return b.toByteArray();
    }

    /** A Kafka-like buffer that lends its memory for the frame. */
    static final class Target extends OutputStream implements DirectTarget {
        final ByteBuffer buffer;
        int writes;

        Target(int capacity) {
            buffer = ByteBuffer.allocate(capacity);
        }

        @Override
        public ByteBuffer room(int bytes) {
            return buffer.remaining() >= bytes ? buffer.duplicate() : null;
        }

        @Override
        public void advance(int bytes) {
            buffer.position(buffer.position() + bytes);
        }

        final ByteArrayOutputStream extra = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            writes++;
            extra.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            extra.write(b, off, len);
        }

        byte[] written() {
            byte[] direct = Arrays.copyOf(buffer.array(), buffer.position());
            return concat(direct, extra.toByteArray());
        }
    }
}
