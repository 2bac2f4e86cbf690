package io.kqat.deploy.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kqat.deploy.DeployFiles;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Strimzi recipes (deploy/strimzi, and their copies in the release with version, URL and checksum filled in) are
 * valid against the CRDs Strimzi 1.2.0 installs, and say what the operator checks beyond the schema and what kqat
 * needs: the agent through KAFKA_OPTS, its jar mounted under /mnt, the QAT resource with QAT_POLICY, a memlock limit
 * for the region, kqat's exporter rules in the metrics ConfigMap, the Connect plugin with its SHA-512.
 */
class StrimziRecipesTest {
    private static final String AGENT = "-javaagent:/mnt/kqat/kqat-agent.jar";
    private static final String QAT = "qat.intel.com/dc";
    private static final long REGION = 64L << 20;
    private static final long PER_VF = 16L << 20;

    static Stream<Recipe> recipes() {
        return Stream.of("strimzi/kafka.yaml", "strimzi/kafka-connect.yaml")
                .flatMap(r -> Recipe.sourceAndRelease(r).stream());
    }

    @ParameterizedTest
    @MethodSource("recipes")
    void everyStrimziResourceIsValidAgainstItsCrd(Recipe recipe) {
        assertThat(recipe.resources()).isNotEmpty();
        for (JsonNode r : recipe.resources()) {
            String kind = r.path("kind").asText();
            if (kind.equals("ConfigMap")) {
                assertThat(r.path("apiVersion").asText()).isEqualTo("v1");
                continue;
            }
            assertThat(r.path("apiVersion").asText()).as("%s in %s", kind, recipe).isEqualTo("kafka.strimzi.io/v1");
            assertThat(StrimziCrds.schema(kind).errors(r)).as("%s in %s", kind, recipe).isEmpty();
        }
    }

    @Test
    void aTypoAnUnknownFieldOrAValueOutsideItsEnumIsRefused() {
        JsonNode pool = Recipe.of(DeployFiles.file("strimzi/kafka.yaml")).one("KafkaNodePool").deepCopy();
        ObjectNode container = (ObjectNode) pool.path("spec").path("template").path("kafkaContainer");
        container.set("volumeMount", container.path("volumeMounts"));
        assertThat(StrimziCrds.schema("KafkaNodePool").errors(pool)).anyMatch(e -> e.contains("volumeMount"));

        JsonNode connect = Recipe.of(DeployFiles.file("strimzi/kafka-connect.yaml")).one("KafkaConnect").deepCopy();
        ((ObjectNode) connect.at("/spec/build/plugins/0/artifacts/0")).put("type", "tar");
        assertThat(StrimziCrds.schema("KafkaConnect").errors(connect)).anyMatch(e -> e.contains("enum"));

        JsonNode kafka = Recipe.of(DeployFiles.file("strimzi/kafka.yaml")).one("Kafka").deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka")).putObject("jvmOptions").put("-javaagent", "/mnt/kqat/kqat-agent.jar");
        assertThat(StrimziCrds.schema("Kafka").errors(kafka)).as("jvmOptions has no -javaagent").isNotEmpty();
    }

    @Test
    void theBrokersGetTheAgentTheirDeviceAMemlockLimitAndKqatsMetrics() throws Exception {
        for (Recipe recipe : Recipe.sourceAndRelease("strimzi/kafka.yaml")) {
            JsonNode kafka = recipe.one("Kafka");
            JsonNode pool = recipe.one("KafkaNodePool");
            assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(kafka.at("/metadata/name").asText());
            JsonNode template = pool.at("/spec/template");
            assertThat(kafka.at("/spec/kafka/template").isMissingNode())
                    .as("a node pool's template replaces the cluster's; kqat's lives on the pool").isTrue();
            checkAgentAndDevice(recipe, template.path("pod"), template.path("kafkaContainer"), pool.at("/spec/resources"),
                    "kafka");

            JsonNode ref = kafka.at("/spec/kafka/metricsConfig/valueFrom/configMapKeyRef");
            assertThat(kafka.at("/spec/kafka/metricsConfig/type").asText()).isEqualTo("jmxPrometheusExporter");
            JsonNode configMap = recipe.one("ConfigMap");
            assertThat(configMap.at("/metadata/name").asText()).isEqualTo(ref.path("name").asText());
            String rules = configMap.path("data").path(ref.path("key").asText()).asText();
            assertThat(DeployFiles.YAML.readTree(rules).path("rules"))
                    .as("the ConfigMap carries deploy/prometheus/kqat-jmx-exporter.yaml's rules")
                    .isEqualTo(DeployFiles.yaml(DeployFiles.file("prometheus/kqat-jmx-exporter.yaml")).path("rules"));
        }
    }

    @Test
    void theConnectClusterBuildsTheReleasePluginCheckedByItsSha512() throws Exception {
        String zip = "kqat-connect-plugin-" + DeployFiles.version() + ".zip";
        byte[] released = Files.readAllBytes(DeployFiles.dist("release/" + zip));
        String sha512 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(released));
        for (Recipe recipe : Recipe.sourceAndRelease("strimzi/kafka-connect.yaml")) {
            JsonNode connect = recipe.one("KafkaConnect");
            JsonNode artifact = connect.at("/spec/build/plugins/0/artifacts/0");
            assertThat(artifact.path("type").asText()).isEqualTo("zip");
            if (recipe.isRelease()) {
                assertThat(artifact.path("sha512sum").asText()).matches("[0-9a-f]{128}").isEqualTo(sha512);
                assertThat(artifact.path("url").asText()).startsWith("https://").endsWith("/" + zip);
                assertThat(Files.readString(recipe.file())).as("nothing left to fill in").doesNotContain("@KQAT_");
            } else {
                assertThat(artifact.path("sha512sum").asText()).isEqualTo("@KQAT_PLUGIN_SHA512@");
            }
            JsonNode template = connect.at("/spec/template");
            checkAgentAndDevice(recipe, template.path("pod"), template.path("connectContainer"),
                    connect.at("/spec/resources"), connect.at("/metadata/name").asText() + "-connect");
        }
    }

    /** The agent in KAFKA_OPTS, its jar mounted under /mnt, the device with QAT_POLICY, memlock for the named container. */
    private static void checkAgentAndDevice(Recipe recipe, JsonNode pod, JsonNode container, JsonNode resources,
                                            String containerName) throws Exception {
        assertThat(Recipe.env(container, "KAFKA_OPTS")).as(recipe.toString()).startsWith(AGENT);
        JsonNode mount = container.path("volumeMounts").get(0);
        assertThat(mount.path("mountPath").asText()).as("Strimzi refuses extra mounts outside /mnt").startsWith("/mnt/");
        assertThat(AGENT).contains(mount.path("mountPath").asText() + "/");
        JsonNode volume = null;
        for (JsonNode v : pod.path("volumes")) {
            if (v.path("name").asText().equals(mount.path("name").asText())) {
                volume = v;
            }
        }
        assertThat(volume).as("the mounted volume is declared").isNotNull();
        assertThat(volume.at("/image/reference").asText()).isNotEmpty();
        if (recipe.isRelease()) {
            assertThat(volume.at("/image/reference").asText()).doesNotContain("@");
        }

        long requested = resources.at("/requests").path(QAT).asLong();
        assertThat(requested).as("the QAT resource is requested").isPositive();
        assertThat(resources.at("/limits").path(QAT).asLong()).as("extended resources need limit = request")
                .isEqualTo(requested);
        long policy = Long.parseLong(Recipe.env(container, "QAT_POLICY"));
        assertThat(policy).as("standalone qatlib: QAT_POLICY from 1 to the VFs the container gets")
                .isBetween(1L, requested);

        String ulimits = pod.at("/metadata/annotations").path("ulimits.noderesource.dev/container." + containerName).asText();
        ArrayNode limits = (ArrayNode) DeployFiles.YAML.readTree(ulimits);
        JsonNode memlock = limits.get(0);
        assertThat(memlock.path("type").asText()).isEqualTo("RLIMIT_MEMLOCK");
        assertThat(memlock.path("soft").asLong()).as("covers the region and 16 MiB per VF")
                .isGreaterThanOrEqualTo(REGION + requested * PER_VF);
        assertThat(memlock.path("hard").asLong()).isGreaterThanOrEqualTo(memlock.path("soft").asLong());
    }
}
