package io.kqat.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Mode;
import io.kqat.codec.metrics.CodecMetrics;
import io.kqat.local.KafkaRuntimes;
import io.prometheus.jmx.JmxCollector;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * kqat's exporter rules follow Prometheus' naming conventions, and the collector of the newer exporter agents (1.7.0,
 * what Strimzi's bundled agent is built on) reads kqat's real beans into exactly the names the rules give, none
 * renamed (gauges named *_info or *_total lose that suffix there). MonitoringTest does the same through the 1.0.1
 * agent in real brokers and producers.
 */
class ExporterRulesTest {
    private static final Set<String> LABELS = Set.of("backend", "direction", "reason", "mode", "qat_instance", "figure");
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(kqat_[a-z0-9_]+)\\{?");

    @Test
    void namesFollowPrometheusConventions() {
        for (JsonNode rule : ExporterRules.rules()) {
            String name = rule.path("name").asText();
            String type = rule.path("type").asText();
            assertThat(name).as(rule.toString()).matches("kqat_[a-z0-9_]+").doesNotEndWith("_info");
            assertThat(type).as(name).isIn("COUNTER", "GAUGE");
            assertThat(name.endsWith("_total")).as("%s is a %s", name, type).isEqualTo(type.equals("COUNTER"));
            if (name.contains("bytes")) {
                assertThat(name).as("a size's unit ends its name").matches(".*_bytes(_total)?");
            }
            if (name.contains("seconds")) {
                assertThat(name).matches(".*_seconds(_total)?");
            }
            assertThat(name).as("units are base units").doesNotContainPattern("_(ms|millis|micros|kib|mib)(_total)?$");
            Iterator<String> labels = rule.path("labels").fieldNames();
            Set<String> names = new HashSet<>();
            labels.forEachRemaining(names::add);
            assertThat(LABELS).as(name).containsAll(names);
            if (names.contains("direction") && !rule.path("labels").path("direction").asText().startsWith("$")) {
                assertThat(rule.path("labels").path("direction").asText()).isIn("compress", "decompress");
            }
            boolean processWide = name.startsWith("kqat_codec_") || name.startsWith("kqat_native_memory_");
            if (!processWide || name.equals("kqat_codec_serving")) {
                assertThat(names).as("%s names its rung", name).contains("backend");
            }
            assertThat(rule.path("help").asText()).as(name).isNotBlank();
        }
    }

    @Test
    void theNewerCollectorReadsKqatsBeansIntoTheRulesNames() throws Exception {
        Set<String> exported = new TreeSet<>();
        String emulator = KafkaRuntimes.locate().emulatorDir("iova").toString();
        try (GzipCodec qat = GzipCodec.create(CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, emulator).build())) {
            exported.addAll(scrapeAfterWork(qat));
        }
        try (GzipCodec software = GzipCodec.create(CodecConfig.builder().mode(Mode.SOFTWARE).build())) {
            exported.addAll(scrapeAfterWork(software));
        }
        Set<String> expected = new TreeSet<>(ExporterRules.names());
        expected.remove("kqat_backend_figure"); // for figures a later kqat adds; every figure today has its rule
        assertThat(exported).isEqualTo(expected);
    }

    private static Set<String> scrapeAfterWork(GzipCodec codec) throws Exception {
        CodecMetrics.register(codec, () -> 0);
        byte[] data = "kqat exporter rules ".repeat(4000).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            codec.decompress(codec.compress(data));
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        new JmxCollector(JmxExporter.RULES.toFile()).register(registry);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("# TYPE kqat_backend_batches_total counter");
        Set<String> names = new TreeSet<>();
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
