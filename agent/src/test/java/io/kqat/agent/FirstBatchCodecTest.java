package io.kqat.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatException;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Mode;
import io.kqat.emulator.EmulatorControl;
import io.kqat.emulator.Emulators;
import io.kqat.samples.KafkaLikeEvents;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 4: the hook's codec starts at the first gzip batch; with {@code mode=auto} the device starts in the
 * background and that batch does not wait for it: kqat's software rungs serve it, counted, until the whole ladder is up.
 */
class FirstBatchCodecTest {
    private static final byte[] DATA = new KafkaLikeEvents(4).fill(64 << 10);
    private final EmulatorControl emu = Emulators.control("iova");

    @AfterEach
    void fastDevice() {
        emu.setLatencyMicros(0);
        emu.setFailPercent(0);
    }

    /**
     * With {@code mode=qat} a start that fails (here the device fails every request, so its start-up self test) sends
     * the batch to Kafka's stock gzip; the batches after it must not each start qatlib, map the region and run the
     * self test again (found by the faults long form: 10,331 starts, 103,310 device requests and 15 times the run's
     * time for one producer). The next attempt waits {@link FirstBatchCodec#RETRY_NANOS}.
     */
    @Test
    void aFailedStartIsNotRetriedByEveryBatch() {
        FirstBatchCodec codec = new FirstBatchCodec(emulated().mode(Mode.QAT).setText(KqatSettings.QAT_SECTION, "LAZY3")
                .build(), () -> { });
        emu.setFailPercent(100);
        long requests0 = emu.counter("requests");
        assertThatThrownBy(() -> codec.compress(DATA)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("QAT");
        long firstAttempt = emu.counter("requests") - requests0;
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> codec.compress(DATA)).as("batch %d", i).isInstanceOf(KqatException.class)
                    .hasMessageContaining("next attempt in");
        }
        long after = emu.counter("requests") - requests0;
        System.out.println("device requests: first start " + firstAttempt + ", after 20 more batches " + after);
        assertThat(firstAttempt).as("the first start asked the device").isPositive();
        assertThat(after).as("device requests after 20 more batches").isEqualTo(firstAttempt);
        assertThat(codec.backendName()).isEqualTo(FirstBatchCodec.NOT_STARTED);
    }

    private static CodecConfig.Builder emulated() {
        return CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, Emulators.dir("iova").toString())
                .setText(KqatSettings.QAT_REGION_BYTES, "4m").setText(KqatSettings.QAT_TIMEOUT_MS, "5000");
    }

    @Test
    void theFirstBatchGoesToSoftwareWhileTheDeviceStartsInTheBackground() {
        AtomicInteger started = new AtomicInteger();
        FirstBatchCodec codec = new FirstBatchCodec(emulated().setText(KqatSettings.QAT_SECTION, "LAZY1").build(),
                started::incrementAndGet);
        assertThat(codec.backendName()).as("nothing started by reading").isEqualTo(FirstBatchCodec.NOT_STARTED);
        assertThat(codec.backends()).isEmpty();
        emu.setLatencyMicros(100_000); // the device's start-up self test now takes a second or more
        long t0 = System.nanoTime();
        byte[] gz = codec.compress(DATA);
        long firstMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(codec.serving().backendName()).as("serving the first batch").isIn("isal", "libdeflate");
        assertThat(firstMillis).as("the first batch did not wait for the device").isLessThan(1000);
        assertThat(codec.decompress(gz)).isEqualTo(DATA);
        assertThat(codec.batchesBeforeStart()).isEqualTo(2);
        GzipCodec whole = codec.whole();
        emu.setLatencyMicros(0);
        assertThat(whole.backendName()).isEqualTo("qat");
        assertThat(started).hasValue(1);
        assertThat(codec.compress(DATA)).isNotEmpty();
        assertThat(codec.totals().getCompressBatches()).as("software's and the device's batches").isEqualTo(2);
        assertThat(codec.batchesBeforeStart()).isEqualTo(2);
        whole.close(); // process-wide codecs: this one holds qatlib, which other tests in this JVM start themselves
    }

    @Test
    void softwareAndQatModesStartInTheFirstBatch() {
        for (Mode mode : new Mode[] {Mode.SOFTWARE, Mode.QAT}) {
            AtomicInteger started = new AtomicInteger();
            FirstBatchCodec codec = new FirstBatchCodec(emulated().mode(mode)
                    .setText(KqatSettings.QAT_SECTION, "LAZY2").build(), started::incrementAndGet);
            assertThat(codec.compress(DATA)).isNotEmpty();
            assertThat(started).as(mode.id()).hasValue(1);
            assertThat(codec.serving().backendName()).as(mode.id()).isEqualTo(mode == Mode.QAT ? "qat" : "libdeflate");
            assertThat(codec.batchesBeforeStart()).isZero();
            codec.whole().close();
        }
    }
}
