package io.kqat.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The zstd codec-only benchmark's QAT rows run their own rung: {@code kqat-qat-zstd} on the emulator answering as a
 * 6xxx (native zstd), {@code kqat-qat-lz4s} on a 4xxx. Setup refuses a row its rung does not serve and checks every
 * batch read back; one call of the benchmark method then compresses a batch. Speed is not asserted.
 */
class ZstdCodecOnlyQatRowsTest {
    @Test
    void eachQatRowIsServedByItsRungAndEveryBatchReadsBack() throws Exception {
        for (String path : new String[] {"kqat-qat-zstd", "kqat-qat-lz4s"}) {
            ZstdCodecOnlyBenchmark bench = new ZstdCodecOnlyBenchmark();
            bench.zstdPath = path;
            bench.level = 3;
            bench.batchBytes = 65536;
            bench.datasetBytes = 1 << 20;
            bench.setUp();
            try {
                ByteCounters counters = new ByteCounters();
                assertThat(bench.compress(counters)).as(path).isPositive();
                assertThat(counters.uncompressed).as(path).isPositive();
            } finally {
                bench.tearDown();
            }
        }
    }
}
