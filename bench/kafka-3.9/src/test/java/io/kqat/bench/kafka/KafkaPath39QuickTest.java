package io.kqat.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The CI form on kafka-clients 3.9: stock and kqat gzip-6 batches built by 3.9's own MemoryRecordsBuilder, one short
 * iteration each. The setup reads every record back, and the hook must have compressed every kqat batch.
 */
class KafkaPath39QuickTest {
    @Test
    void theBenchmarksRunOnKafka39() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(new CommandLineOptions("KafkaPathBenchmark\\.build$", "-foe", "true",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-p", "codec=gzip-6,kqat-libdeflate-6",
                "-p", "batchBytes=65536", "-p", "datasetBytes=2000000")).run();
        assertThat(results).hasSize(2);
        for (RunResult r : results) {
            double in = r.getSecondaryResults().get("uncompressed").getScore();
            double out = r.getSecondaryResults().get("compressed").getScore();
            assertThat(in / out).as(r.getParams().getParam("codec") + " ratio").isGreaterThan(3.0);
        }
    }
}
