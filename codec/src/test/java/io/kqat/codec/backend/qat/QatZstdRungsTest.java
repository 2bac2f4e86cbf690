package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.ZstdCodec;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The QAT zstd rungs on the emulator (issue 21): LZ4s on a 4xxx turned into standard frames that zstd-jni and libzstd
 * read, batches read by the device where Kafka wrote them (copy counters), fallback to libzstd on device faults with
 * every batch intact and in order, native zstd on a 6xxx, and each rung skipped with its reason where the device or
 * the release lacks the algorithm. Levels outside 1-12 stay in software.
 */
class QatZstdRungsTest {
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void restore() {
        emu.setGeneration("4xxx");
        emu.failRequests(0, 0);
        emu.setLz4sNoMatchTokens("sometimes");
    }

    private static ZstdCodec codec(String variant) {
        return ZstdCodec.create(Emulator.config(variant).build());
    }

    private static BackendStatus rung(ZstdCodec codec, String name) {
        return codec.backends().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    /** One batch written through the batch stream (as the Kafka hook does), its frame as Kafka's buffer gets it. */
    private static byte[] batch(ZstdCodec codec, byte[] records, int level) throws IOException {
        ByteArrayOutputStream kafka = new ByteArrayOutputStream();
        try (OutputStream out = codec.batchOutputStream(kafka, level)) {
            for (int i = 0; i < records.length; i += 1000) {
                out.write(records, i, Math.min(1000, records.length - i));
            }
        }
        return kafka.toByteArray();
    }

    private static byte[] sample(int kind, int size) {
        byte[] b = new byte[size];
        if (kind == 0) {
            return new KafkaLikeEvents(size).fill(size);
        }
        if (kind == 1) {
            new Random(size).nextBytes(b);
        } else {
            for (int i = 0; i < size; i++) {
                b[i] = (byte) (i / 777 % 3 == 0 ? 'x' : i % 251);
            }
        }
        return b;
    }

    @Test
    void lz4sOnA4xxxGivesStandardFramesZstdJniAndLibzstdRead() throws IOException {
        emu.setLz4sNoMatchTokens("often");
        try (ZstdCodec codec = codec("iova")) {
            assertThat(codec.backendName(3)).isEqualTo("qat-lz4s");
            assertThat(codec.routes()).isEqualTo("levels -131072..-1: libzstd; levels 1..12: qat-lz4s > libzstd; "
                    + "levels 13..22: libzstd; decompress: libzstd");
            emu.resetCounters();
            int batches = 0;
            for (int size : new int[] {1, 100, 4097, 64 << 10, (128 << 10) + 3, 1 << 20}) {
                for (int kind = 0; kind < 3; kind++) {
                    for (int level : new int[] {1, 3, 12}) {
                        byte[] records = sample(kind, size);
                        byte[] frame = batch(codec, records, level);
                        assertThat(Zstd.decompress(frame, size)).as("zstd-jni, %d bytes, kind %d", size, kind)
                                .isEqualTo(records);
                        assertThat(codec.decompress(frame)).as("libzstd").isEqualTo(records);
                        batches++;
                    }
                }
            }
            BackendStatus lz4s = rung(codec, "qat-lz4s");
            assertThat(lz4s.stats().getCompressBatches()).isEqualTo(batches);
            assertThat(lz4s.stats().getErrors()).isZero();
            assertThat(emu.counter("requests")).as("one device request per batch").isEqualTo(batches);
            assertThat(emu.counter("lz4s_no_match_tokens")).as("the carry-over path was exercised").isPositive();
            assertThat(lz4s.detail().summary()).contains("LZ4s (min match 3, 32 KiB history)");
        }
    }

    @Test
    void aBatchInTheRegionReachesTheDeviceWithoutACopyAndOneElsewhereIsCopiedOnce() throws IOException {
        try (ZstdCodec codec = codec("iova")) {
            byte[] records = sample(0, 200_000);
            batch(codec, records, 3);
            BackendStatus lz4s = rung(codec, "qat-lz4s");
            assertThat(lz4s.stats().getCompressBatches()).isEqualTo(1);
            assertThat(lz4s.stats().getCompressCopiedIn()).as("the batch stream wrote into the region").isZero();
            assertThat(codec.counters().batchBytesMoved()).as("it grew in place").isZero();
            long frameCopiedOut = lz4s.stats().getCompressCopiedOut();
            assertThat(frameCopiedOut).as("the frame, copied once into Kafka's heap buffer")
                    .isEqualTo(lz4s.stats().getCompressBytesOut());

            ByteBuffer heap = ByteBuffer.wrap(records);
            ByteBuffer out = ByteBuffer.allocateDirect(codec.maxCompressedLength(records.length));
            codec.compress(heap, out, 3);
            lz4s = rung(codec, "qat-lz4s");
            assertThat(lz4s.stats().getCompressBatches()).isEqualTo(2);
            assertThat(lz4s.stats().getCompressCopiedIn()).as("heap input staged into the region once")
                    .isEqualTo(records.length);
            assertThat(lz4s.stats().getCompressCopiedOut()).as("libzstd wrote the frame in place")
                    .isEqualTo(frameCopiedOut);
        }
    }

    @Test
    void deviceFaultsFallBackToLibzstdWithEveryBatchIntactAndInOrder() throws IOException {
        try (ZstdCodec codec = codec("iova")) {
            emu.resetCounters();
            emu.failRequests(3, 4); // requests 3..6 fail on the device
            byte[][] frames = new byte[20][];
            byte[][] batches = new byte[20][];
            for (int i = 0; i < frames.length; i++) {
                batches[i] = (new String(new char[200]).replace('\0', (char) ('a' + i)) + "#" + i + "#")
                        .repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                frames[i] = batch(codec, batches[i], 3);
            }
            for (int i = 0; i < frames.length; i++) {
                assertThat(Zstd.decompress(frames[i], batches[i].length)).as("batch %d", i).isEqualTo(batches[i]);
            }
            BackendStatus lz4s = rung(codec, "qat-lz4s");
            BackendStatus libzstd = rung(codec, "libzstd");
            assertThat(emu.counter("injected_faults")).isEqualTo(4);
            assertThat(lz4s.stats().getErrors()).as("each fault counted on the rung").isEqualTo(4);
            assertThat(lz4s.stats().getCompressBatches() + libzstd.stats().getCompressBatches()).isEqualTo(20);
            assertThat(libzstd.stats().getCompressBatches()).as("the faulted batches and any while the breaker was open")
                    .isGreaterThanOrEqualTo(4);
            assertThat(codec.counters().lastResortBatches()).isZero();
        }
    }

    @Test
    void nativeZstdOnA6xxxWritesFramesWithAChecksumThatZstdJniReads() throws IOException {
        emu.setGeneration("6xxx");
        try (ZstdCodec codec = codec("iova")) {
            assertThat(codec.backendName(3)).isEqualTo("qat-zstd");
            assertThat(rung(codec, "qat-lz4s").ready()).as("a 6xxx has LZ4s too in 26.08").isTrue();
            assertThat(rung(codec, "qat-lz4s").detail().summary()).contains("64 KiB history");
            emu.resetCounters();
            for (int size : new int[] {1, 5000, 64 << 10, 300_000}) {
                byte[] records = sample(0, size);
                byte[] frame = batch(codec, records, 5);
                assertThat(frame[4] & 0x04).as("content checksum flag").isNotZero();
                assertThat(Zstd.decompress(frame, size)).isEqualTo(records);
                assertThat(codec.decompress(frame)).isEqualTo(records);
            }
            BackendStatus zstd = rung(codec, "qat-zstd");
            assertThat(zstd.stats().getCompressBatches()).isEqualTo(4);
            assertThat(zstd.stats().getCompressCopiedIn()).isZero();
            assertThat(zstd.stats().getCompressCopiedOut()).as("the device's frame copied out of the region, counted")
                    .isEqualTo(zstd.stats().getCompressBytesOut());
            assertThat(emu.counter("requests")).isEqualTo(4);
        }
    }

    @Test
    void withoutTheAlgorithmEachRungIsSkippedWithItsReason() {
        try (ZstdCodec codec = codec("iova")) {
            assertThat(rung(codec, "qat-zstd").skipReason()).contains("4xxx").contains("has no zstd compression")
                    .contains("cpaDcZstdCompressBound answered UNSUPPORTED");
        }
        try (ZstdCodec codec = codec("iova-26.02")) {
            assertThat(rung(codec, "qat-zstd").skipReason()).contains("UNSUPPORTED");
            assertThat(codec.backendName(3)).isEqualTo("qat-lz4s");
        }
        emu.setCapability("lz4s", false);
        try (ZstdCodec codec = codec("iova")) {
            assertThat(rung(codec, "qat-lz4s").skipReason()).contains("has no LZ4s compression")
                    .contains("UNSUPPORTED");
            assertThat(codec.backendName(3)).isEqualTo("libzstd");
        } finally {
            emu.setCapability("lz4s", true);
        }
        try (ZstdCodec codec = codec("legacy")) {
            assertThat(rung(codec, "qat-lz4s").skipReason()).contains("older than 26.02");
        }
    }

    @Test
    void levelsOutsideOneToTwelveStayInSoftware() {
        try (ZstdCodec codec = codec("iova")) {
            for (int level : new int[] {-7, -1, 13, 19, 22}) {
                assertThat(codec.backendName(level)).as("level %d", level).isEqualTo("libzstd");
            }
            assertThat(codec.backendName(0)).as("0 is 3").isEqualTo("qat-lz4s");
            assertThat(codec.backendName(12)).isEqualTo("qat-lz4s");
            assertThat(rung(codec, "qat-lz4s").detail().summary()).contains("levels 1..12 (QAT's L1-L12); others "
                    + "stay in software");
            byte[] records = sample(0, 50_000);
            emu.resetCounters();
            byte[] frame = codec.compress(records, 19);
            assertThat(Zstd.decompress(frame, records.length)).isEqualTo(records);
            assertThat(emu.counter("requests")).as("level 19 never reached the device").isZero();
        }
    }

    @Test
    void gzipAndZstdShareOneDeviceRuntime() {
        try (io.kqat.codec.GzipCodec gzip = Emulator.codec("iova"); ZstdCodec zstd = codec("iova")) {
            assertThat(gzip.backendName()).isEqualTo("qat");
            assertThat(zstd.backendName(3)).isEqualTo("qat-lz4s");
            assertThat(emu.counter("process_started")).as("qatlib started once in this JVM").isEqualTo(1);
            byte[] records = sample(0, 30_000);
            assertThat(gzip.decompress(gzip.compress(records))).isEqualTo(records);
            assertThat(Zstd.decompress(zstd.compress(records, 3), records.length)).isEqualTo(records);
            assertThat(Arrays.asList(rung(zstd, "qat-lz4s").detail().summary().split(", "))).isNotEmpty();
        }
    }
}
