package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.GzipCodec;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 rule 9: the answers of a real 4xxx. A compression overflow comes back as callback SUCCESS with
 * {@code results.status} OVERFLOW and partial counts; input cut short inflates to OK with {@code endOfLastBlock}
 * FALSE. kqat reads the status and the flag, not the callback alone, and neither is a device fault: the batch goes to
 * the next rung with no breaker penalty (corrupt or short input is the caller's, and software says so).
 */
class GenerationAnswersTest {
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void restore() {
        emu.setGeneration("4xxx");
    }

    @Test
    void anOverflowReportedAsSuccessIsCaughtAndTheBatchRedone() {
        try (GzipCodec codec = Emulator.codec("iova")) {
            byte[] data = new byte[64 << 10];
            new Random(7).nextBytes(data);
            codec.maxCompressedLength(data.length); // the 4xxx bound for this size, asked once and kept
            emu.setGeneration("420xx"); // whose bound is larger: kqat's destination is now short of it
            emu.resetCounters();
            assertThat(codec.decompress(Emulator.compressInBatchMemory(codec, data))).isEqualTo(data);
            assertThat(emu.counter("overflows")).as("the device overflowed, once per QAT rung").isEqualTo(2);
            for (String rung : new String[] {"qat", "qat-pinned"}) {
                assertThat(codec.backend(rung).detail().figure("overflows")).as(rung).isEqualTo(1);
                assertThat(codec.backend(rung).stats().getCompressBatches()).as(rung).isZero();
                assertThat(codec.backend(rung).stats().getErrors()).as("%s: not a device fault", rung).isZero();
            }
        }
    }

    @Test
    void inputCutShortIsOkWithoutEndOfLastBlockAndSoftwareCallsItCorrupt() {
        try (GzipCodec codec = Emulator.codec("iova")) {
            byte[] gz = codec.compress(new KafkaLikeEvents(4).fill(200_000));
            byte[] cut = Arrays.copyOf(gz, gz.length / 2 + 8); // half the deflate data, then 8 bytes where a trailer goes
            emu.resetCounters();
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> codec.decompress(cut)).isInstanceOf(CorruptGzipException.class);
            }
            assertThat(emu.counter("request_errors")).as("the device answered OK each time").isZero();
            assertThat(codec.backend("qat").detail().figure("incompleteStreams")).isEqualTo(10);
            assertThat(codec.backend("qat").stats().getErrors()).isZero();
            assertThat(codec.backend("qat").circuitOpen()).isFalse();
        }
    }

    @Test
    void deflateDataTheDeviceRejectsIsTheCallersNotADeviceFault() {
        try (GzipCodec codec = Emulator.codec("iova")) {
            byte[] gz = codec.compress(new KafkaLikeEvents(5).fill(100_000));
            byte[] bad = gz.clone();
            for (int i = 12; i < 40; i++) {
                bad[i] = (byte) 0xff; // an invalid block type early in the stream
            }
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> codec.decompress(bad)).isInstanceOf(CorruptGzipException.class);
            }
            assertThat(codec.backend("qat").detail().figure("rejectedData")
                    + codec.backend("qat").detail().figure("incompleteStreams")).isEqualTo(10);
            assertThat(codec.backend("qat").stats().getErrors()).isZero();
            assertThat(codec.backend("qat").circuitOpen()).isFalse();
        }
    }
}
