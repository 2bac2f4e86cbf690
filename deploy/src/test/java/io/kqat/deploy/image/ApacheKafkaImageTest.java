package io.kqat.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kqat.deploy.DeployFiles;
import io.kqat.deploy.Jdks;
import io.kqat.local.ChildJvm;
import io.kqat.local.KafkaRuntimes;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The apache/kafka JVM image recipe (deploy/compose/compose.yaml): the agent and the exporter through KAFKA_OPTS, the
 * jars mounted, a memlock limit. Where a Docker engine answers, Testcontainers runs the compose file and the broker
 * must log kqat's hook; where none does (the build machines), the same broker runs from Maven Central's jars with the
 * image's JVM flags and a CDS archive made the image's way, on every JDK 21+ installed (the image's is 21; this JVM
 * when there is none). The test logs loudly which ran; the jar form runs either way, since it is the CDS proof.
 */
class ApacheKafkaImageTest {
    private static final Logger LOG = LoggerFactory.getLogger(ApacheKafkaImageTest.class);
    private static final Path COMPOSE = DeployFiles.file("compose/compose.yaml");

    @Test
    void theComposeFileGivesTheAgentTheExporterAndAMemlockLimit() {
        JsonNode kafka = DeployFiles.yaml(COMPOSE).at("/services/kafka");
        assertThat(kafka.path("image").asText()).startsWith("apache/kafka:").doesNotContain("native");
        String opts = kafka.at("/environment/KAFKA_OPTS").asText();
        assertThat(opts).contains("-javaagent:/opt/kqat/kqat-agent.jar")
                .contains("-javaagent:/opt/kqat/jmx_prometheus_javaagent-1.0.1.jar=9404:/opt/kqat/kqat-jmx-exporter.yaml");
        assertThat(kafka.path("volumes").get(0).asText()).isEqualTo("./kqat:/opt/kqat:ro");
        assertThat(kafka.at("/ulimits/memlock/soft").asLong()).isGreaterThanOrEqualTo((64L << 20) + (16L << 20));
        assertThat(kafka.at("/ulimits/memlock/hard").asLong()).isGreaterThanOrEqualTo(kafka.at("/ulimits/memlock/soft").asLong());
    }

    @Test
    void theAgentLoadsAndHooksUnderTheImagesCdsArchive() throws Exception {
        if (dockerAvailable()) {
            LOG.warn("kqat deploy: found a Docker engine: running {} through Testcontainers", COMPOSE);
            runCompose();
        } else {
            LOG.warn("kqat deploy: NO Docker engine: {} was not run; the same broker runs from jars with the image's "
                    + "JVM flags and CDS archive instead", COMPOSE);
        }
        for (Path java : javas()) {
            Path work = DeployFiles.workDir("cds");
            LOG.warn("kqat deploy: broker from jars under a CDS archive on {}", java);
            Path archive = CdsBroker.dumpArchive(java, work);
            CdsBroker.Result r = CdsBroker.runWithAgent(java, work, archive);
            assertThat(r.hooked()).as("kqat hooked Kafka's gzip on %s", java).isTrue();
            assertThat(r.brokerDecompressBatches()).as("the broker decompressed through kqat on %s", java).isPositive();
            assertThat(r.sourceOf("kafka.Kafka")).as("Kafka's classes come from the archive on %s", java)
                    .isEqualTo("shared objects file (top)");
            assertThat(r.sourceOf("org.apache.kafka.common.compress.GzipCompression"))
                    .as("the class kqat changed is loaded from its jar, not the archive, on %s", java)
                    .isNotNull().doesNotContain("shared objects file");
        }
    }

    /** The JDKs 21 or later under /usr/lib/jvm (the image's is 21), or this JVM's when there is none. */
    private static List<Path> javas() {
        List<Path> javas = Jdks.atLeast(21);
        return javas.isEmpty() ? List.of(ChildJvm.thisJava()) : javas;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The compose file as an operator runs it: a kqat/ directory beside it with the agent, the exporter, the rules. */
    private static void runCompose() throws Exception {
        KafkaRuntimes runtimes = KafkaRuntimes.locate();
        Path dir = DeployFiles.workDir("compose");
        Path kqat = Files.createDirectories(dir.resolve("kqat"));
        Files.copy(runtimes.agentJar(), kqat.resolve("kqat-agent.jar"));
        Files.copy(runtimes.javaAgent("jmx-exporter"), kqat.resolve("jmx_prometheus_javaagent-1.0.1.jar"));
        Files.copy(DeployFiles.file("prometheus/kqat-jmx-exporter.yaml"), kqat.resolve("kqat-jmx-exporter.yaml"));
        Path compose = Files.copy(COMPOSE, dir.resolve("compose.yaml"));
        Map<String, String> logs = new LinkedHashMap<>();
        try (ComposeContainer env = new ComposeContainer(List.of(new File(compose.toString())))
                .withLogConsumer("kafka", frame -> logs.merge("kafka", frame.getUtf8String(), String::concat))
                .waitingFor("kafka", Wait.forLogMessage(".*Kafka Server started.*", 1)
                        .withStartupTimeout(Duration.ofMinutes(3)))) {
            env.start();
            assertThat(logs.get("kafka")).contains("kqat: hooked");
        }
    }
}
