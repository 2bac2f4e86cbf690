package io.kqat.codec.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Mode;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

/**
 * What Prometheus' JMX exporter reads from a rung's bean besides {@code Stats}: the figures {@code Detail} states in
 * words, as a table of numbers, and the time spent in requests as counters of seconds.
 */
class BackendBeanFiguresTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void theQatRungPublishesItsFiguresAsATableOfNumbers() throws Exception {
        String emulator = Paths.get(System.getProperty("kqat.emulator.dir"), "iova").toString();
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, emulator).build())) {
            CodecMetrics.register(codec, () -> 0);
            codec.compress(sample());
            Map<String, Long> figures = figures("qat");
            assertThat(figures).containsKeys("requests", "timeouts", "refusedWhileHung", "declinedOverRequest",
                    "rejectedData", "incompleteStreams", "overflows", "instances", "slotsInUse", "regionBytes");
            assertThat(figures.get("requests")).isPositive();
            assertThat(figures).isEqualTo(codec.backend("qat").detail().figures());
        }
    }

    @Test
    void softwareAndSkippedRungsHaveNoFigures() throws Exception {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            CodecMetrics.register(codec, () -> 0);
            assertThat(figures("jdk")).isEmpty();
            List<String> skipped = codec.backends().stream().filter(b -> !b.ready()).map(BackendStatus::name).toList();
            assertThat(skipped).as("mode=software skips the QAT rungs").contains("qat");
            for (String rung : skipped) {
                assertThat(figures(rung)).as(rung).isEmpty();
            }
        }
    }

    @Test
    void secondsInRequestsAreAverageTimesBatches() throws Exception {
        try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().mode(Mode.JDK).build())) {
            CodecMetrics.register(codec, () -> 0);
            for (int i = 0; i < 5; i++) {
                codec.decompress(codec.compress(sample()));
            }
            CompositeData stats = (CompositeData) server.getAttribute(KqatObjectNames.backend("jdk"), "Stats");
            double compress = (Double) server.getAttribute(KqatObjectNames.backend("jdk"), "CompressSeconds");
            double decompress = (Double) server.getAttribute(KqatObjectNames.backend("jdk"), "DecompressSeconds");
            assertThat(compress).isPositive().isCloseTo(
                    (Double) stats.get("compressLatencyAvgMicros") * (Long) stats.get("compressBatches") / 1e6,
                    org.assertj.core.data.Percentage.withPercentage(0.01));
            assertThat(decompress).isPositive().isCloseTo(
                    (Double) stats.get("decompressLatencyAvgMicros") * (Long) stats.get("decompressBatches") / 1e6,
                    org.assertj.core.data.Percentage.withPercentage(0.01));
        }
    }

    private Map<String, Long> figures(String rung) throws Exception {
        TabularData table = (TabularData) server.getAttribute(KqatObjectNames.backend(rung), "Figures");
        Map<String, Long> figures = new HashMap<>();
        for (Object row : table.values()) {
            CompositeData r = (CompositeData) row;
            figures.put((String) r.get("key"), (Long) r.get("value"));
        }
        return figures;
    }

    private static byte[] sample() {
        return "kqat figures kqat figures kqat figures ".repeat(2000).getBytes(StandardCharsets.UTF_8);
    }
}
