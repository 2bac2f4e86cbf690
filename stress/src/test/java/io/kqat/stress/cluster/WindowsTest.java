package io.kqat.stress.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A record belongs to every window it was in flight in; a problem is put where its record was in flight. */
class WindowsTest {
    // record i sent at 1000 + 100 i ms; record 3 took 450 ms, record 5 failed after 10 ms, record 6 was never answered
    private final SendTimes times = new SendTimes(new long[] {1000, 1100, 1200, 1300, 1400, 1500, 1600},
            new int[] {5_000, 5_000, 5_000, 450_000, 5_000, -10_001, Integer.MIN_VALUE});

    @Test
    void inFlightMeansSentBeforeTheEndAndAnsweredAfterTheStart() {
        Window w = new Window("event", true, 1350, 1420);
        SendTimes.Flight f = times.flight(w);
        // record 3 (1300..1750) and record 4 (1400..1405); record 2 answered at 1205, record 5 sent at 1500
        assertThat(f.records()).isEqualTo(2);
        assertThat(f.acked()).isEqualTo(2);
        assertThat(f.max()).isEqualTo("450.0");
    }

    @Test
    void failedAndUnansweredRecordsAreInFlightButNotAcknowledged() {
        SendTimes.Flight f = times.flight(new Window("late", true, 1500, 1700));
        assertThat(f.records()).isEqualTo(3); // 3 (until 1750), 5 (failed at 1510), 6 (never answered)
        assertThat(f.acked()).isEqualTo(1);
    }

    @Test
    void problemsArePutInTheWindowsTheirRecordsWereInFlightIn() {
        Properties checked = new Properties();
        checked.setProperty("lost", "1");
        checked.setProperty("lost.seqs", "3");
        checked.setProperty("duplicated", "1");
        checked.setProperty("duplicated.seqs", "0");
        Problems problems = new Problems(checked, "");
        Window early = new Window("early", false, 900, 1050);
        Window event = new Window("event", true, 1600, 1700);
        assertThat(problems.in("duplicated", early, times)).isEqualTo(1);
        assertThat(problems.in("lost", early, times)).isZero();
        assertThat(problems.in("lost", event, times)).isEqualTo(1); // record 3 was in flight until 1750
        assertThat(problems.in("duplicated", event, times)).isZero();
        assertThat(problems.total()).isEqualTo(2);
    }
}
