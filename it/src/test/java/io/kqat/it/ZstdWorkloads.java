package io.kqat.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.workload.WorkloadReport;

/** Checks on workload reports about kqat's zstd hook (kqat.zstd.* of the report). */
final class ZstdWorkloads {
    /** {@code KqatObjectNames.ZSTD_CODEC} (this module reads kqat's beans by name, as operators do). */
    static final String ZSTD_CODEC_BEAN = "io.kqat:type=ZstdCodec";

    private ZstdWorkloads() {
    }

    static void assertKqatZstdCompressed(WorkloadReport report) {
        assertThat(report.get("kqat.zstd.installed")).as("kqat's zstd hook in that JVM: %s", report).isEqualTo("true");
        assertThat(report.getLong("kqat.zstd.CompressBatches")).as("zstd batches compressed by kqat").isPositive();
        assertThat(report.getLong("kqat.zstd.StockFallbacks")).isZero();
        assertThat(report.getLong("kqat.zstd.LastResortBatches")).isZero();
    }

    static void assertKqatZstdDecompressed(WorkloadReport report) {
        assertThat(report.get("kqat.zstd.installed")).as("kqat's zstd hook in that JVM: %s", report).isEqualTo("true");
        assertThat(report.getLong("kqat.zstd.DecompressBatches")).as("zstd batches decompressed by kqat").isPositive();
        assertThat(report.getLong("kqat.zstd.StockFallbacks")).isZero();
    }
}
