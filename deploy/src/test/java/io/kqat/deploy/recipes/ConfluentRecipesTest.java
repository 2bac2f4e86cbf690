package io.kqat.deploy.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kqat.deploy.DeployFiles;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Confluent for Kubernetes recipes (deploy/confluent and the release's copies). CFK's CRDs are not published where
 * the build machines can reach them, so this is not schema validation: it holds the spec's fields to the names CFK
 * 3.3.0's CRDs define for Kafka and Connect (a typo fails) and checks what kqat needs: the agent in configOverrides.jvm,
 * its jar mounted, the QAT resource with QAT_POLICY, a memlock limit, the plugin archive with its SHA-512.
 */
class ConfluentRecipesTest {
    /** Spec fields of CFK 3.3.0's Kafka and Connect CRDs (platform.confluent.io/v1beta1). */
    private static final Set<String> KAFKA_SPEC = Set.of("authorization", "configOverrides", "dataVolumeCapacity",
            "dependencies", "fips", "headlessService", "identityProvider", "image", "injectAnnotations", "injectLabels",
            "k8sClusterDomain", "license", "listeners", "metricReporter", "metrics", "mountedSecrets", "mountedVolumes",
            "oneReplicaPerNode", "passwordEncoder", "pdb", "podTemplate", "rackAssignment", "replicas", "services",
            "storageClass", "telemetry", "tls");
    private static final Set<String> CONNECT_SPEC = Set.of("authentication", "authorization", "build", "configOverrides",
            "connectorOverridePolicy", "connectorTLSCerts", "dependencies", "enableExternalInterInstance",
            "enableSchemas", "externalAccess", "groupID", "headlessService", "image", "injectAnnotations", "injectLabels",
            "internalTopicNames", "internalTopicReplicationFactor", "k8sClusterDomain", "keyConverterType", "license",
            "metrics", "mountedSecrets", "mountedVolumes", "oneReplicaPerNode", "pdb", "podTemplate", "replicas",
            "telemetry", "tls", "valueConverterType");
    private static final Set<String> POD_TEMPLATE = Set.of("affinity", "annotations", "envVars", "labels",
            "podSecurityContext", "priorityClassName", "probe", "resources", "securityContext", "serviceAccountName",
            "terminationGracePeriodSeconds", "tolerations", "topologySpreadConstraints");

    @Test
    void theBrokersGetTheAgentThroughConfigOverridesJvm() throws Exception {
        for (Recipe recipe : Recipe.sourceAndRelease("confluent/kafka.yaml")) {
            JsonNode kafka = recipe.one("Kafka");
            assertThat(kafka.path("apiVersion").asText()).isEqualTo("platform.confluent.io/v1beta1");
            assertThat(fields(kafka.path("spec"))).as(recipe.toString()).isSubsetOf(KAFKA_SPEC)
                    .contains("image", "dataVolumeCapacity");
            checkAgentAndDevice(recipe, kafka.path("spec"), "kafka");
        }
    }

    @Test
    void theConnectClusterBuildsTheReleasePluginCheckedByItsSha512() throws Exception {
        String zip = "kqat-connect-plugin-" + DeployFiles.version() + ".zip";
        String sha512 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512")
                .digest(Files.readAllBytes(DeployFiles.dist("release/" + zip))));
        for (Recipe recipe : Recipe.sourceAndRelease("confluent/connect.yaml")) {
            JsonNode connect = recipe.one("Connect");
            assertThat(fields(connect.path("spec"))).as(recipe.toString()).isSubsetOf(CONNECT_SPEC).contains("image");
            JsonNode build = connect.at("/spec/build");
            assertThat(build.path("type").asText()).isEqualTo("onDemand");
            assertThat(build.at("/onDemand/plugins/locationType").asText()).isEqualTo("url");
            JsonNode plugin = build.at("/onDemand/plugins/url/0");
            if (recipe.isRelease()) {
                assertThat(plugin.path("archivePath").asText()).matches("^https?://.*").endsWith("/" + zip);
                assertThat(plugin.path("checksum").asText()).isEqualTo(sha512);
                assertThat(Files.readString(recipe.file())).doesNotContain("@KQAT_");
            } else {
                assertThat(plugin.path("checksum").asText()).isEqualTo("@KQAT_PLUGIN_SHA512@");
            }
            checkAgentAndDevice(recipe, connect.path("spec"), "connect");
        }
    }

    private static void checkAgentAndDevice(Recipe recipe, JsonNode spec, String container) throws Exception {
        assertThat(spec.at("/image/application").asText()).matches(".+:.+");
        assertThat(spec.at("/image/init").asText()).matches(".+:.+");
        assertThat(spec.at("/configOverrides/jvm").toString()).contains("\"-javaagent:/mnt/kqat/kqat-agent.jar");
        JsonNode mount = spec.at("/mountedVolumes/volumeMounts/0");
        assertThat(mount.path("mountPath").asText()).isEqualTo("/mnt/kqat");
        JsonNode volume = spec.at("/mountedVolumes/volumes/0");
        assertThat(volume.path("name").asText()).isEqualTo(mount.path("name").asText());
        assertThat(volume.at("/image/reference").asText()).isNotEmpty();
        if (recipe.isRelease()) {
            assertThat(volume.at("/image/reference").asText()).doesNotContain("@");
        }
        JsonNode pod = spec.path("podTemplate");
        assertThat(fields(pod)).isSubsetOf(POD_TEMPLATE);
        long requested = pod.at("/resources/requests").path("qat.intel.com/dc").asLong();
        assertThat(requested).isPositive();
        assertThat(pod.at("/resources/limits").path("qat.intel.com/dc").asLong()).isEqualTo(requested);
        String policy = null;
        for (JsonNode e : pod.path("envVars")) {
            if (e.path("name").asText().equals("QAT_POLICY")) {
                policy = e.path("value").asText();
            }
        }
        assertThat(Long.parseLong(policy)).isBetween(1L, requested);
        JsonNode memlock = DeployFiles.YAML.readTree(pod.at("/annotations")
                .path("ulimits.noderesource.dev/container." + container).asText()).get(0);
        assertThat(memlock.path("type").asText()).isEqualTo("RLIMIT_MEMLOCK");
        assertThat(memlock.path("soft").asLong()).isGreaterThanOrEqualTo((64L << 20) + requested * (16L << 20));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
