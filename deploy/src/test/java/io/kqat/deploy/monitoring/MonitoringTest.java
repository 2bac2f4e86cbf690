package io.kqat.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.deploy.DeployFiles;
import io.kqat.deploy.monitoring.DashboardQueries.Query;
import io.kqat.deploy.monitoring.Prometheus.Sample;
import io.kqat.emulator.EmulatorControl;
import io.kqat.local.ChildJvm;
import io.kqat.local.KafkaRuntimes;
import io.kqat.local.LocalKafkaBroker;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A real broker and a real producer, each with kqat's agent and Prometheus' JMX exporter agent (1.0.1) with kqat's
 * rules, scraped every second by a real Prometheus that also evaluates kqat's alert rules. Both use the QAT emulator:
 * the producer compresses on QAT zero-copy; the broker's emulator is a qatlib without the IOVA API, so its zero-copy
 * rung is skipped (with a reason) and it decompresses to validate on pinned copies. Then the producer's device hangs
 * and its batches fall back to software. Every query of the Grafana dashboard must answer in both phases, every
 * counter it reads must move (but the few that only count events this run does not cause, each named), and the alerts
 * for the producer must be raised while the healthy broker raises none.
 */
class MonitoringTest {
    private static final String RATE_INTERVAL = "10s";
    private static final Duration WAIT = Duration.ofSeconds(180);
    /** Counters that only move on events this run does not cause, and those events. */
    private static final Map<String, String> RARE_EVENTS = Map.of(
            "kqat_qat_passed_on_total", "a batch over one device request, data the device rejects, a stream cut short",
            "kqat_codec_stock_fallbacks_total", "input kqat rejects at a batch's start",
            "kqat_codec_last_resort_batches_total", "every rung failing at a batch's close",
            "kqat_codec_moved_bytes_total", "a batch outgrowing its memory",
            "kqat_native_memory_refusals_total", "native memory reservations refused at native.memory.bytes");

    @Test
    void everyDashboardQueryAnswersItsCountersMoveAndTheAlertsFire() throws Exception {
        Path work = DeployFiles.workDir("monitoring");
        KafkaRuntimes runtimes = KafkaRuntimes.locate();
        Path emulator = runtimes.emulatorDir("iova");
        Path legacyEmulator = runtimes.emulatorDir("legacy");
        int brokerMetrics = DeployFiles.freePort();
        int producerMetrics = DeployFiles.freePort();
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("broker", "127.0.0.1:" + brokerMetrics);
        targets.put("producer", "127.0.0.1:" + producerMetrics);
        Path producerDir = work.resolve("producer");
        try (Prometheus prometheus = Prometheus.start(work.resolve("prometheus"), targets,
                List.of(DeployFiles.file("prometheus/kqat-alerts.yaml")));
             LocalKafkaBroker broker = LocalKafkaBroker.builder(work.resolve("broker"))
                     .withKqatAgent("qat.emulator=" + legacyEmulator).jvmArg(JmxExporter.agentArg(brokerMetrics)).start();
             ChildJvm producer = startProducer(runtimes, producerDir, broker.bootstrapServers(), emulator, producerMetrics)) {

            prometheus.await("kqat_backend_batches_total{job='producer', backend='qat', direction='compress'} > 20",
                    WAIT, "the producer compresses on QAT");
            prometheus.await("kqat_backend_batches_total{job='broker', backend='qat-pinned', direction='decompress'} > 20",
                    WAIT, "the broker decompresses on QAT, pinned copies");
            Thread.sleep(3000);
            Map<Query, List<Sample>> healthy = runAll(prometheus);

            Files.createFile(producerDir.resolve("hang"));
            prometheus.await("kqat_backend_circuit_open{job='producer', backend='qat'} == 1", WAIT,
                    "the producer's QAT breaker opens once its device hangs");
            prometheus.await("increase(kqat_backend_batches_total{job='producer', backend!~'qat|qat-pinned', "
                    + "direction='compress'}[" + RATE_INTERVAL + "]) > 0", WAIT, "software serves the producer");
            Thread.sleep(3000);
            Map<Query, List<Sample>> fallenBack = runAll(prometheus);

            for (Query q : DashboardQueries.all()) {
                assertThat(healthy.get(q)).as("while QAT serves: %s", q).isNotEmpty();
                assertThat(fallenBack.get(q)).as("after the fallback: %s", q).isNotEmpty();
            }
            for (String metric : DashboardQueries.metrics()) {
                if (metric.endsWith("_total") && !RARE_EVENTS.containsKey(metric)) {
                    assertThat(prometheus.query("increase(" + metric + "[5m]) > 0"))
                            .as("%s moved while batches flowed", metric).isNotEmpty();
                }
                assertThat(prometheus.query(metric)).as("%s is scraped", metric).isNotEmpty();
            }
            assertThat(prometheus.query("kqat_codec_serving{job='producer', direction='compress', backend='qat'}"))
                    .as("who compresses").isNotEmpty();
            assertThat(prometheus.query("kqat_codec_serving{job='broker', direction='decompress', backend='qat-pinned'}"))
                    .as("who decompresses").isNotEmpty();
            assertThat(prometheus.query("kqat_qat_device_answering{job='producer', backend='qat'} == 0")).isNotEmpty();
            assertThat(prometheus.query("kqat_qat_device_answering{job='broker', backend='qat-pinned'} == 1")).isNotEmpty();
            assertThat(prometheus.query("kqat_backend_circuit_open{job='broker'} == 1")).isEmpty();
            assertThat(prometheus.query("kqat_backend_mode{job='producer', backend='qat', mode='zero-copy'}")).isNotEmpty();
            assertThat(prometheus.query("kqat_backend_mode{job='broker', backend='qat-pinned', mode='pinned-copy'}")).isNotEmpty();
            assertThat(prometheus.query("kqat_backend_skipped{job='broker', backend='qat'}")).as("why zero-copy is skipped")
                    .isNotEmpty();

            for (String alert : List.of("KqatCircuitBreakerOpen", "KqatQatDeviceNotAnswering", "KqatSilentSoftwareFallback")) {
                prometheus.await("ALERTS{alertname='" + alert + "', job='producer'}", WAIT, alert + " for the producer");
            }
            assertThat(prometheus.query("ALERTS{job='broker'}")).as("the healthy broker raises no alert").isEmpty();

            Set<String> scraped = new TreeSet<>();
            prometheus.query("count by (__name__) ({__name__=~'kqat_.*'})")
                    .forEach(s -> scraped.add(s.labels().replaceAll(".*\"__name__\":\"([^\"]+)\".*", "$1")));
            assertThat(ExporterRules.names()).as("every kqat metric scraped is named as the rules name it")
                    .containsAll(scraped);
        }
    }

    private static Map<Query, List<Sample>> runAll(Prometheus prometheus) {
        Map<Query, List<Sample>> answers = new LinkedHashMap<>();
        for (Query q : DashboardQueries.all()) {
            answers.put(q, prometheus.query(q.runnable(RATE_INTERVAL)));
        }
        return answers;
    }

    private static ChildJvm startProducer(KafkaRuntimes runtimes, Path dir, String bootstrap, Path emulator, int metricsPort)
            throws URISyntaxException {
        List<String> classpath = new ArrayList<>(runtimes.classpath(KafkaRuntimes.CLIENTS));
        classpath.add(location(SteadyProducer.class));
        classpath.add(location(EmulatorControl.class));
        List<String> jvmArgs = List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-javaagent:" + runtimes.agentJar() + "=qat.emulator=" + emulator, JmxExporter.agentArg(metricsPort));
        return ChildJvm.start("producer", dir, classpath, jvmArgs, SteadyProducer.class.getName(),
                List.of(bootstrap, "steady", emulator.toString()));
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
