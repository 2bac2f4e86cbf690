package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 6: "not answering" is said of one direction. A compression that outlives its timeout marks
 * compression as not answering; a decompression that comes next is still asked of the device (and gives up after its
 * own timeout if the device is silent), instead of being refused for a hang nobody saw in its direction. Once both
 * directions are marked, the probe clears each when the device answers it.
 */
class HungDirectionTest {
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void release() {
        emu.setHang(false);
    }

    private static long figure(GzipCodec codec, String name) {
        return codec.backend("qat").detail().figure(name);
    }

    @Test
    void aCompressionTimeoutDoesNotRefuseDecompression() throws Exception {
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").setText(KqatSettings.QAT_TIMEOUT_MS, "100")
                .setText(KqatSettings.QAT_TIMEOUT_PER_MIB_MS, "25").build())) {
            byte[] data = new KafkaLikeEvents(61).fill(50_000);
            byte[] gz = codec.compress(data);
            assertThat(codec.backend("qat").stats().getCompressBatches()).isEqualTo(1);
            emu.setHang(true);
            byte[] servedInSoftware = codec.compress(data);
            assertThat(figure(codec, "timeouts")).as("the compression given up on").isEqualTo(1);
            long refused = figure(codec, "refusedWhileHung");

            assertThat(codec.decompress(gz)).isEqualTo(data);
            System.out.println("after a compression timeout, a decompression: timeouts " + figure(codec, "timeouts")
                    + ", refused while hung " + (figure(codec, "refusedWhileHung") - refused));
            assertThat(figure(codec, "refusedWhileHung") - refused).as("decompressions refused for compression's hang")
                    .isZero();
            assertThat(figure(codec, "timeouts")).as("the decompression asked of the device, given up on").isEqualTo(2);

            emu.setHang(false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!codec.backend("qat").detail().summary().contains("device answering")
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(codec.backend("qat").detail().summary()).as("both directions cleared by the probe")
                    .contains("device answering");
            assertThat(codec.decompress(servedInSoftware)).isEqualTo(data);
        }
    }
}
