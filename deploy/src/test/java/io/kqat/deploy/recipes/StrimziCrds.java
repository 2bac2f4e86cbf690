package io.kqat.deploy.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kqat.deploy.DeployFiles;
import io.kqat.deploy.Jdks;
import io.kqat.local.ChildJvm;
import io.kqat.local.KafkaRuntimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CRDs Strimzi 1.2.0 installs for Kafka, KafkaNodePool and KafkaConnect, generated once per test run from its
 * published artifacts on Maven Central (io.strimzi:api and crd-generator 1.2.0: the api jar holds classes, no YAML) the
 * way Strimzi's own build generates them, on a JDK 21 or later (those jars are Java 21 bytecode). The result is checked
 * to be byte for byte the files of Strimzi's 1.2.0 release (their SHA-256, taken from its source tree's
 * packaging/install/cluster-operator).
 */
final class StrimziCrds {
    static final String VERSION = "v1";
    private static final Map<String, String> KINDS = new LinkedHashMap<>();
    private static final Map<String, String> RELEASED_SHA256 = Map.of(
            "040-Crd-kafka.yaml", "b5b27fc8d52068a77cde7c40d47c068023c7b4e92fc266c45200db2d2506392a",
            "041-Crd-kafkaconnect.yaml", "00339af1b873aefbfc4406ef251d03d0928a8d7f6a85c45bd322080e21d6f3be",
            "045-Crd-kafkanodepool.yaml", "411c1b32ef8c1a6408ac9d4fe791115a6ce2b41107204588f976a3ed19be2430");
    private static Map<String, CrdSchema> schemas;

    static {
        KINDS.put("Kafka", "io.strimzi.api.kafka.model.kafka.Kafka=040-Crd-kafka.yaml");
        KINDS.put("KafkaConnect", "io.strimzi.api.kafka.model.connect.KafkaConnect=041-Crd-kafkaconnect.yaml");
        KINDS.put("KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool=045-Crd-kafkanodepool.yaml");
    }

    private StrimziCrds() {
    }

    /** The schema of a kind's v1 (Kafka, KafkaNodePool, KafkaConnect). */
    static synchronized CrdSchema schema(String kind) {
        if (schemas == null) {
            schemas = generate();
        }
        CrdSchema s = schemas.get(kind);
        if (s == null) {
            throw new AssertionError("no Strimzi CRD for kind " + kind);
        }
        return s;
    }

    private static Map<String, CrdSchema> generate() {
        Path dir = DeployFiles.workDir("strimzi-crds");
        List<String> args = new java.util.ArrayList<>(List.of("--label", "app:strimzi", "--label",
                "strimzi.io/crd-install:true", "--target-kube", "1.16+", "--crd-api-version", "v1", "--api-versions", "v1",
                "--storage-version", "v1", "--yaml"));
        for (String spec : KINDS.values()) {
            String[] classAndFile = spec.split("=");
            args.add(classAndFile[0] + "=" + dir.resolve(classAndFile[1]));
        }
        try (ChildJvm generator = ChildJvm.start(jdk21(), "crd-generator", dir,
                KafkaRuntimes.locate().classpath("strimzi-crd-generator"), List.of("-Xmx512m"),
                "io.strimzi.crdgenerator.CrdGenerator", args, Map.of())) {
            int exit = generator.waitFor(Duration.ofMinutes(5));
            assertThat(exit).as("Strimzi's CRD generator\n%s", generator.tail(30)).isZero();
        }
        Map<String, CrdSchema> result = new LinkedHashMap<>();
        KINDS.forEach((kind, spec) -> {
            Path file = dir.resolve(spec.split("=")[1]);
            assertThat(sha256(file)).as("%s is Strimzi 1.2.0's released file", file.getFileName())
                    .isEqualTo(RELEASED_SHA256.get(file.getFileName().toString()));
            JsonNode crd = DeployFiles.yaml(file);
            assertThat(crd.path("spec").path("names").path("kind").asText()).isEqualTo(kind);
            result.put(kind, CrdSchema.of(crd, VERSION));
        });
        return result;
    }

    /** A JDK 21 or later: -Dkqat.deploy.jdk21=HOME, or the first under /usr/lib/jvm. */
    private static Path jdk21() {
        String given = System.getProperty("kqat.deploy.jdk21");
        if (given != null) {
            return Path.of(given, "bin", "java");
        }
        return Jdks.atLeast(21).stream().findFirst().orElseThrow(() -> new AssertionError("Strimzi's CRD generator "
                + "needs a JDK 21 or later (its jars are Java 21 bytecode): none under /usr/lib/jvm; install one (e.g. "
                + "Temurin) or give -Dkqat.deploy.jdk21=HOME"));
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
