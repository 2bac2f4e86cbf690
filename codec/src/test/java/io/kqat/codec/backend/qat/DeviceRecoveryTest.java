package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 3: recovery does not depend on one thread surviving. Once the device answers again it is marked as
 * answering within {@link #STATED_MS} (README, "A hung device"), whichever copy of kqat marked it and whatever became
 * of that copy's probe. (The pause race is {@code RestartableWorkerTest}.)
 */
class DeviceRecoveryTest {
    /** The time README states: the probe's pauses grow to 200 ms, and a round sends, then sees, each probe. */
    static final long STATED_MS = 2_000;
    private static final Map<String, String> SHORT_TIMEOUT = Map.of(KqatSettings.QAT_TIMEOUT_MS.key(), "100",
            KqatSettings.QAT_TIMEOUT_PER_MIB_MS.key(), "25");
    private final EmulatorControl emu = Emulator.control("iova");

    @AfterEach
    void release() {
        emu.setHang(false);
    }

    /** Milliseconds until {@code answering} holds, or -1 after {@code limitMs}. */
    private static long msUntil(Callable<Boolean> answering, long limitMs) throws Exception {
        long start = System.nanoTime();
        while (!answering.call()) {
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (ms > limitMs) {
                return -1;
            }
            Thread.sleep(10);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    void anotherCopysRefusedRequestBringsTheDeviceBackAfterTheCopyThatMarkedItLeft() throws Exception {
        byte[] data = new KafkaLikeEvents(71).fill(50_000);
        try (URLClassLoader a = IsolatedCodec.loader(); URLClassLoader b = IsolatedCodec.loader();
             IsolatedCodec stays = new IsolatedCodec(b, "iova", SHORT_TIMEOUT)) {
            IsolatedCodec marks = new IsolatedCodec(a, "iova", SHORT_TIMEOUT);
            assertThat(marks.backendName()).isEqualTo("qat");
            emu.setHang(true);
            assertThat(marks.roundTrip(data)).isEqualTo(data); // times out on the device: marked as not answering
            assertThat(stays.qatSummary()).contains("not answering");
            marks.close(); // its probe ends with it
            emu.setHang(false);
            assertThat(stays.roundTrip(data)).isEqualTo(data); // refused: the device is still marked
            long ms = msUntil(() -> stays.qatSummary().contains("device answering"), 5_000);
            System.out.println("the staying copy sees the device answering after " + ms + " ms (-1: not in 5 s)");
            assertThat(ms).as("ms until the device is marked answering").isBetween(0L, STATED_MS);
        }
    }

    @Test
    @SuppressWarnings("removal")
    void theProbeSurvivesAnError() throws Exception {
        byte[] data = new KafkaLikeEvents(72).fill(50_000);
        try (GzipCodec codec = GzipCodec.create(Emulator.config("iova").setText(KqatSettings.QAT_TIMEOUT_MS, "100")
                .setText(KqatSettings.QAT_TIMEOUT_PER_MIB_MS, "25").build())) {
            emu.setHang(true);
            assertThat(codec.decompress(codec.compress(data))).isEqualTo(data);
            Thread probe = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("kqat-qat-probe")).findFirst().orElseThrow();
            probe.stop(); // an Error (ThreadDeath) wherever the probe is
            probe.join(300);
            emu.setHang(false);
            long ms = msUntil(() -> codec.backend("qat").detail().summary().contains("device answering"), 5_000);
            System.out.println("after an Error in the probe, the device is marked answering after " + ms
                    + " ms (-1: not in 5 s); probe thread alive: " + probe.isAlive());
            assertThat(ms).as("ms until the device is marked answering").isBetween(0L, STATED_MS);
        }
    }
}
