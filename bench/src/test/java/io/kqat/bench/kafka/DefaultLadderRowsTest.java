package io.kqat.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The {@code kqat-N} rows of {@code KafkaPathBenchmark}: kqat's gzip with its default ladder, as an operator gets it
 * (no backend forced). Each runs briefly in its own fork (consume and validate); its set-up and tear-down check
 * kqat's counters and fail the row unless every batch was decoded by the rung the default ladder picks, which
 * they print. Speeds are reported, never asserted.
 */
class DefaultLadderRowsTest {
    @Test
    void aKqatLevelRowForcesNoBackend() {
        KafkaCodec row = KafkaCodec.parse("kqat-6");
        assertThat(row.kqat()).isTrue();
        assertThat(row.forced()).isFalse();
        assertThat(row.level).isEqualTo(6);
        assertThat(row.zstd).isFalse();
        assertThat(KafkaCodec.parse("kqat-isal-1").forced()).isTrue();
        assertThat(KafkaCodec.parse("gzip-1").forced()).isFalse();
    }

    @Test
    void theDefaultLadderRowsDecodeEveryBatchWithTheDefaultLaddersRung() throws Exception {
        String decoder;
        try (GzipCodec defaults = GzipCodec.create(CodecConfig.builder().build())) {
            decoder = defaults.decompressBackendName();
        }
        System.setProperty("jmh.ignoreLock", "true");
        // JMH prints what the forks print on this JVM's System.out: keep a copy to read the rows' lines back.
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        Collection<RunResult> results;
        System.setOut(new PrintStream(new TeeOutputStream(stdout, copy), true, StandardCharsets.UTF_8));
        try {
            results = new Runner(new CommandLineOptions(
                    "\\.KafkaPathBenchmark\\.(consume|validate)$", "-foe", "true", "-f", "1", "-wi", "0", "-i", "1",
                    "-r", "100ms", "-p", "codec=kqat-1,kqat-6", "-p", "batchBytes=65536", "-p",
                    "datasetBytes=2000000")).run();
        } finally {
            System.setOut(stdout);
        }

        assertThat(results).hasSize(4);
        for (RunResult r : results) {
            assertThat(r.getPrimaryResult().getScore()).as(r.getParams().toString()).isPositive();
        }
        String out = copy.toString(StandardCharsets.UTF_8);
        for (String row : List.of("kqat-1", "kqat-6")) {
            assertThat(out).as(row).containsPattern("kqat row " + row + ": [1-9][0-9]* batches decoded by " + decoder
                    + " \\(the default ladder's choice\\)");
            assertThat(out).as(row).containsPattern("kqat row " + row + ": [1-9][0-9]* measured batches decoded by "
                    + decoder);
        }
    }

    /** Writes to both streams. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeOutputStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
