package io.kqat.codec.engine;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BufferLease;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The producer-side stream on the emulated device: records in region slots, slots always returned. */
class MemberOutputStreamTest {

    private static GzipCodec deviceCodec() {
        String base = System.getProperty("kqat.emulator.dir");
        assertThat(base).as("kqat.emulator.dir (set by the build)").isNotNull();
        // 2 MiB: 32 slots of 64 KiB, 16 batch leases of the initial 128 KiB.
        return GzipCodec.create(CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, Paths.get(base, "iova").toString())
                .setText(KqatSettings.QAT_REGION_BYTES, Long.toString(2L << 20)).build());
    }

    private static boolean regionHasRoom(GzipCodec codec) {
        try (BufferLease probe = codec.acquireBatchBuffer(MemberOutputStream.INITIAL_CAPACITY)) {
            return probe.deviceMapped();
        }
    }

    @Test
    void batchesLargerThanTheirFirstLeaseGrowAndEveryLeaseIsReturned() throws IOException {
        try (GzipCodec codec = deviceCodec()) {
            assertThat(codec.backendName()).isEqualTo("qat");
            for (int i = 0; i < 40; i++) {
                byte[] records = new KafkaLikeEvents(i).fill(i % 3 == 0 ? 700_000 : 90_000);
                ByteArrayOutputStream kafka = new ByteArrayOutputStream();
                try (java.io.OutputStream out = codec.batchOutputStream(kafka, 6)) {
                    out.write(records, 0, records.length);
                }
                assertThat(gunzip(kafka.toByteArray())).as("batch %d", i).isEqualTo(records);
            }
            assertThat(regionHasRoom(codec)).as("40 batches through 16 leases' worth of region").isTrue();
            assertThat(codec.backend("qat").detail().figure("slotsInUse")).as("every slot of every lease returned").isZero();
        }
    }

    @Test
    void streamsDroppedWithoutCloseGiveTheirSlotsBack() throws Exception {
        try (GzipCodec codec = deviceCodec()) {
            for (int i = 0; i < 16; i++) {
                java.io.OutputStream abandoned = codec.batchOutputStream(new ByteArrayOutputStream(), 6);
                abandoned.write(new byte[1000], 0, 1000);
            }
            assertThat(regionHasRoom(codec)).as("all slots held by open batches").isFalse();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!regionHasRoom(codec) && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(50);
            }
            assertThat(regionHasRoom(codec)).as("slots of unreachable streams returned").isTrue();
            assertThat(codec.backend("qat").detail().figure("slotsInUse")).as("every slot returned").isZero();
        }
    }

    private static BatchCompressor compressor(GzipCodec codec) {
        return ((LadderCodec) codec).compressor();
    }
}
