package io.kqat.stress;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.stress.cluster.ClusterReport;
import io.kqat.stress.cluster.ClusterRun;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI form of {@code scripts/stress cluster}: three KRaft nodes, 12,000 records at 400 per second (the stream runs
 * on while the events last) through a rolling upgrade to kqat, a kill -9 of a partition leader, device faults (50%) on
 * one broker, a kqat member joining a stock member's group and a rolling downgrade; nothing lost, duplicated, reordered or
 * altered, every record acknowledged, and records in flight during every event.
 */
class ClusterStressTest {
    @TempDir
    Path work;

    @Test
    void aClusterUpgradedKilledFaultedAndDowngradedLosesNothing() {
        // 50% device faults: the faults last 1,000 records (2.5 s), a few dozen batches on the faulted broker
        ClusterReport report = new ClusterRun(work, 12_000, 400, 50, 7, Duration.ofMinutes(10)).run();
        report.print(System.out);
        assertThat(report.passed(System.out)).isTrue();
        assertThat(report.sent()).isGreaterThanOrEqualTo(12_000);
        assertThat(report.logProblems()).isZero();
        assertThat(report.groupProblems()).isZero();
        assertThat(report.failedClaims()).isEmpty();
        assertThat(report.windowNames()).contains("rolling upgrade: stock to kqat", "kill -9 of the leader of partition 0",
                "device faults (50%) on one broker", "a kqat member joins the stock member's group",
                "rolling downgrade: kqat to stock");
        for (String window : report.windowNames()) {
            int[] flight = report.inFlightAndAcked(window);
            assertThat(flight[0]).as("records in flight during %s", window).isPositive();
            assertThat(flight[1]).as("acknowledged of those in flight during %s", window).isEqualTo(flight[0]);
        }
    }
}
