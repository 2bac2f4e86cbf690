package io.kqat.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.workload.WorkloadReport;
import org.junit.jupiter.api.Test;

/** The demo names, on each row, the backend that did that row's work: compress for producers, decompress for readers. */
class DemoRowTest {
    private final WorkloadReport kqat = new WorkloadReport().put("kqat.installed", "true")
            .put("kqat.Backend", "libdeflate").put("kqat.DecompressBackend", "isal")
            .put("kqat.CompressBatches", "3").put("kqat.DecompressBatches", "4")
            .put("kqat.DecompressBytesIn", 100).put("bytes", 600).put("compressionRate", 0.2).put("nanos", 1_000_000);

    @Test
    void aConsumerRowNamesTheDecompressingBackend() {
        assertThat(DemoRow.consumed("read", kqat, null).backend()).isEqualTo("isal");
    }

    @Test
    void aProducerRowNamesTheCompressingBackend() {
        assertThat(DemoRow.produced("write", kqat, null).backend()).isEqualTo("libdeflate");
    }

    @Test
    void aZstdProducerRowNamesKqatsZstdRungOrKafkasZstdJni() {
        WorkloadReport zstd = new WorkloadReport().put("kqat.installed", "true").put("kqat.Backend", "libdeflate")
                .put("kqat.zstd.installed", "true").put("kqat.zstd.Backend", "qat-lz4s")
                .put("kqat.zstd.CompressBatches", "9").put("compressionRate", 0.25).put("bytes", 600)
                .put("nanos", 1_000_000);
        DemoRow row = DemoRow.producedZstd("write", zstd, null);
        assertThat(row.backend()).isEqualTo("qat-lz4s");
        assertThat(row.batches()).isEqualTo("9");
        assertThat(row.ratio()).isEqualTo(4.0);
        WorkloadReport stock = new WorkloadReport().put("kqat.zstd.installed", "false").put("compressionRate", 0.25)
                .put("bytes", 600).put("nanos", 1_000_000);
        assertThat(DemoRow.producedZstd("write", stock, null).backend()).isEqualTo("zstd-jni");
    }
}
