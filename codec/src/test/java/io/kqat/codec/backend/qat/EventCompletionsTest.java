package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BackendDetail;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18 item 1: on qatlib 26.02+ (the emulator's iova and iova-26.02 variants) completions are signalled: a
 * completion thread per VF eventfd, named so its CPU can be told apart, polls every instance behind its fd and wakes
 * the callers, who take no timed sleep at all; before 26.02 (legacy, v3) the callers poll, and the reason is given.
 */
class EventCompletionsTest {
    private static final byte[] DATA = new KafkaLikeEvents(18).fill(100_000);

    @ParameterizedTest
    @ValueSource(strings = {"iova", "iova-26.02"})
    void onQatlib2602AndLaterCallersSleepUntilTheDeviceSignals(String variant) throws Exception {
        EmulatorControl emu = Emulator.control(variant);
        try (GzipCodec codec = Emulator.codec(variant)) {
            BackendDetail before = Emulator.rung(codec, "qat").detail();
            assertThat(before.summary()).contains("completions event-driven: 1 VF eventfd(s) for 2 instance(s)");
            assertThat(kqatThreads()).as("one completion thread for the one VF").contains("kqat-qat-events-0");
            emu.resetCounters();
            concurrently(codec, 4, 10);
            BackendDetail after = codec.backend("qat").detail();
            assertThat(after.figure("sleeps") - before.figure("sleeps")).as("timed sleeps while waiting").isZero();
            assertThat(emu.counter("event_signals")).as("interrupts the device signalled").isPositive();
            assertThat(after.figure("completionWakes")).as("wake-ups of the completion thread").isPositive()
                    .isLessThanOrEqualTo(4 * emu.counter("requests") + 20); // not spinning on an undrained eventfd
        }
        assertThat(kqatThreads()).as("the completion thread stops with the codec").doesNotContain("kqat-qat-events-0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"legacy", "v3"})
    void beforeQatlib2602CallersPollAndSayWhy(String variant) {
        try (GzipCodec codec = Emulator.codec(variant)) {
            BackendDetail d = Emulator.rung(codec, "qat-pinned").detail();
            assertThat(d.summary()).contains("completions polled with adaptive backoff (qatlib before 26.02 has no "
                    + "event mode");
            assertThat(d.figure("eventDriven")).isZero();
            assertThat(kqatThreads()).noneMatch(n -> n.startsWith("kqat-qat-events"));
            assertThat(codec.decompress(codec.compress(DATA))).isEqualTo(DATA);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"iova", "iova-26.02"})
    void aThreadPerVfEachPollingTheInstancesBehindItsFd(String variant) throws Exception {
        EmulatorControl emu = Emulator.control(variant);
        emu.setInstancesPerVf(1);
        try (GzipCodec codec = Emulator.codec(variant)) {
            assertThat(Emulator.rung(codec, "qat").detail().summary())
                    .contains("completions event-driven: 2 VF eventfd(s) for 2 instance(s)");
            assertThat(kqatThreads()).contains("kqat-qat-events-0", "kqat-qat-events-1");
            emu.resetCounters();
            concurrently(codec, 4, 10);
            assertThat(emu.counter("completed_instance_0")).isPositive();
            assertThat(emu.counter("completed_instance_1")).isPositive();
        } finally {
            emu.setInstancesPerVf(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"iova", "iova-26.02"})
    void pollingIsStillChosenWhenAsked(String variant) {
        try (GzipCodec codec = GzipCodec.create(Emulator.config(variant).set(KqatSettings.QAT_COMPLETION, "poll").build())) {
            BackendDetail d = Emulator.rung(codec, "qat").detail();
            assertThat(d.summary()).contains("completions polled with adaptive backoff (qat.completion=poll)");
            assertThat(kqatThreads()).noneMatch(n -> n.startsWith("kqat-qat-events"));
            assertThat(codec.decompress(codec.compress(DATA))).isEqualTo(DATA);
            assertThat(codec.backend("qat").detail().figure("sleeps")).as("polling sleeps").isPositive();
        }
    }

    /** {@code threads} callers, {@code each} round trips each, every result checked. */
    static void concurrently(GzipCodec codec, int threads, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        assertThat(codec.decompress(Emulator.compressInBatchMemory(codec, DATA))).isEqualTo(DATA);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> kqatThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("kqat-")).collect(Collectors.toList());
    }
}
