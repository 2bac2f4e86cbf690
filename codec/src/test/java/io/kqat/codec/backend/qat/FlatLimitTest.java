package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.backend.qat.device.DeviceProfile;
import io.kqat.codec.backend.qat.memory.Flats;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.backend.qat.runtime.RawRequest;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 rule 1: a buffer list holds at most 255 flat buffers (qatlib fails 256). kqat cuts flats at 64 KiB and at
 * mapping ends, takes a batch up to the size whose input and whose device bound both fit 255 flats, and declines a
 * larger one to the next rung (one batch stays one member): counted, no breaker penalty, never a failed request.
 */
class FlatLimitTest {
    private static final int FLAT = DeviceProfile.DEFAULT_FLAT_BYTES;

    @Test
    void flatsAreCutAtEveryMultipleOfTheFlatSizeAndAtMappingEnds() {
        RawRequest.Plain lease = new RawRequest.Plain(0x4000_0000L, 256 * FLAT);
        long base = lease.address();
        assertThat(Flats.count(lease, base, FLAT, FLAT)).isEqualTo(1);
        assertThat(Flats.count(lease, base + 100, FLAT, FLAT)).as("unaligned start").isEqualTo(2);
        assertThat(Flats.count(lease, base, 255L * FLAT, FLAT)).isEqualTo(255);
        assertThat(Flats.count(lease, base, 255L * FLAT + 1, FLAT)).isEqualTo(256);
        assertThat(Flats.count(lease, base, 0, FLAT)).as("an empty list still has one flat").isEqualTo(1);
        RawRequest.Plain mappings = new RawRequest.Plain(base, 8 * FLAT, 3 * FLAT);
        assertThat(Flats.count(mappings, base, 8L * FLAT, 8 * FLAT)).as("cut at each mapping's end").isEqualTo(3);
        assertThat(Flats.count(mappings, base + 10, 3L * FLAT, 8 * FLAT)).isEqualTo(2);
    }

    @Test
    void descriptorsNeverDescribeMoreThan255Flats() {
        try (RawRequest r = new RawRequest(QatProcess.acquire(QatLibraries.load(Emulator.dir("iova")), "SSL"))) {
            RawRequest.Plain lease = new RawRequest.Plain(0x4000_0000L, 256 * FLAT);
            r.source(lease, lease.address(), 255L * FLAT, FLAT);
            assertThat(r.sourceFlats()).isEqualTo(255);
            assertThatThrownBy(() -> r.source(lease, lease.address(), 255L * FLAT + 1, FLAT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 255");
            QatProcess.release(r.process());
        }
    }

    @Test
    void theLargestBatchGoesToTheDeviceAndOneByteMoreIsDeclinedToTheNextRung() {
        EmulatorControl emu = Emulator.control("iova");
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").setText(KqatSettings.QAT_REGION_BYTES, "67108864").build())) {
            long max = Emulator.rung(codec, "qat").detail().figure("maxBatchBytes");
            assertThat(max).as("input and device bound within 255 flats of 64 KiB").isBetween(14L << 20, 255L * FLAT);
            emu.resetCounters();
            byte[] fits = new KafkaLikeEvents(1).fill((int) max);
            assertThat(codec.decompress(Emulator.compressInBatchMemory(codec, fits))).isEqualTo(fits);
            assertThat(codec.backend("qat").stats().getCompressBatches()).isEqualTo(1);
            assertThat(emu.counter("sgl_refusals")).as("lists of 256 flats or more submitted").isZero();

            byte[] over = new KafkaLikeEvents(2).fill((int) max + 1024);
            byte[] member = Emulator.compressInBatchMemory(codec, over);
            assertThat(codec.decompress(member)).isEqualTo(over);
            assertThat(codec.backend("qat").detail().figure("declinedOverRequest")).isEqualTo(1);
            assertThat(codec.backend("qat").stats().getErrors()).as("declined, not failed").isZero();
            assertThat(codec.backend("qat").circuitOpen()).isFalse();
            assertThat(emu.counter("sgl_refusals")).isZero();
            assertThat(emu.counter("invalid_params")).isZero();
        }
    }

    @Test
    void aMemberInflatingToMoreThanOneRequestIsInflatedInSoftware() {
        EmulatorControl emu = Emulator.control("iova");
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").setText(KqatSettings.QAT_REGION_BYTES, "67108864").build())) {
            long maxOut = Emulator.rung(codec, "qat").detail().figure("maxInflateBytes");
            assertThat(maxOut).isEqualTo(255L * FLAT);
            emu.resetCounters();
            // The codec's decoder inflates a member whole only when it fits its 4 MiB output window (larger ones go
            // piece by piece, in software): the device never sees an output list longer than 64 flats from it. The
            // backend itself must decline anything over 255 flats, whoever calls it.
            byte[] fits = new KafkaLikeEvents(3).fill(3 << 20);
            byte[] big = new KafkaLikeEvents(4).fill((int) maxOut + 1);
            assertThat(codec.decompress(codec.compress(fits))).isEqualTo(fits);
            long served = codec.backend("qat").stats().getDecompressBatches();
            assertThat(served).as("a 3 MiB member inflated by the device").isEqualTo(1);
            assertThat(codec.decompress(codec.compress(big))).isEqualTo(big);
            assertThat(codec.backend("qat").stats().getDecompressBatches()).as("the larger one is not").isEqualTo(served);
            assertThat(codec.backend("qat").stats().getErrors()).isZero();
            assertThat(emu.counter("sgl_refusals")).isZero();
        }
    }
}
