package io.kqat.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.workload.WorkloadReport;
import java.time.Duration;

/** Shared checks on workload reports. */
final class Workloads {
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private Workloads() {
    }

    static void assertProducedAll(WorkloadReport produced, long records) {
        assertThat(produced.getLong("failed")).as("failed sends: %s", produced).isZero();
        assertThat(produced.getLong("records")).isEqualTo(records);
    }

    /** Every record, in order, byte for byte, nothing more. */
    static void assertConsumedExactly(WorkloadReport consumed, long records) {
        assertThat(consumed.get("firstMismatch")).as("report %s", consumed).isEmpty();
        assertThat(consumed.getLong("mismatches")).isZero();
        assertThat(consumed.getLong("records")).as("records read (duplicates count too)").isEqualTo(records);
    }

    static void assertKqatCompressed(WorkloadReport report) {
        assertThat(report.get("kqat.installed")).as("kqat in that JVM: %s", report).isEqualTo("true");
        assertThat(report.getLong("kqat.CompressBatches")).as("batches compressed by kqat").isPositive();
        assertThat(report.getLong("kqat.StockFallbacks")).isZero();
    }

    static void assertKqatDecompressed(WorkloadReport report) {
        assertThat(report.get("kqat.installed")).as("kqat in that JVM: %s", report).isEqualTo("true");
        assertThat(report.getLong("kqat.DecompressBatches")).as("batches decompressed by kqat").isPositive();
        assertThat(report.getLong("kqat.StockFallbacks")).isZero();
    }

    static void assertNoKqat(WorkloadReport report) {
        assertThat(report.get("kqat.installed")).as("kqat must be absent: %s", report).isEqualTo("false");
    }
}
