package io.kqat.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kqat.deploy.DeployFiles;
import io.kqat.local.KafkaRuntimes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The release the dist module builds (dist/target/release): exactly its files, each matching SHA512SUMS, the agent jar
 * the build made, the Connect plugin in Confluent Hub's layout, an SBOM that lists what ships. That two builds give the
 * same bytes is proven by scripts/release-check.sh (CI runs it after the tests); the command line running from its
 * unpacked archive by {@link CliDistributionTest}.
 */
class ReleaseTest {
    private static final String V = DeployFiles.version();
    private static final Path RELEASE = DeployFiles.dist("release");

    @Test
    void theReleaseIsItsFilesEachMatchingSha512Sums() throws Exception {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(RELEASE)) {
            s.forEach(p -> files.add(p.getFileName().toString()));
        }
        assertThat(files).containsExactlyInAnyOrder("kqat-agent-" + V + ".jar", "kqat-connect-plugin-" + V + ".zip",
                "kqat-cli-" + V + ".tar.gz", "kqat-deploy-" + V + ".tar.gz", "kqat-" + V + "-sbom.json", "SHA512SUMS");
        List<String> lines = Files.readAllLines(RELEASE.resolve("SHA512SUMS"));
        assertThat(lines).hasSize(files.size() - 1);
        for (String line : lines) {
            assertThat(line).as("sha512sum -c format").matches("[0-9a-f]{128} \\*\\S+");
            String name = line.substring(130);
            assertThat(sha512(RELEASE.resolve(name))).as(name).isEqualTo(line.substring(0, 128));
        }
    }

    @Test
    void theAgentJarIsTheBuildsAgent() throws Exception {
        Path jar = RELEASE.resolve("kqat-agent-" + V + ".jar");
        assertThat(sha512(jar)).isEqualTo(sha512(KafkaRuntimes.locate().agentJar()));
        try (JarFile j = new JarFile(jar.toFile())) {
            assertThat(j.getManifest().getMainAttributes().getValue("Premain-Class")).isEqualTo("io.kqat.agent.KqatAgent");
            assertThat(j.getManifest().getMainAttributes().getValue("Implementation-Version")).isEqualTo(V);
        }
    }

    @Test
    void thePluginArchiveHasConfluentHubsLayout() throws Exception {
        String top = "kqat-connect-plugin-" + V + "/"; // owner kqat, name connect-plugin, version
        List<String> names = new ArrayList<>();
        JsonNode manifest;
        try (ZipFile zip = new ZipFile(RELEASE.resolve("kqat-connect-plugin-" + V + ".zip").toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(names::add);
            try (InputStream in = zip.getInputStream(zip.getEntry(top + "manifest.json"))) {
                manifest = DeployFiles.JSON.readTree(in);
            }
        }
        assertThat(names).allMatch(n -> n.startsWith(top))
                .contains(top + "manifest.json", top + "doc/README.md", top + "etc/kqat-gzip-transforms.properties")
                .anyMatch(n -> n.matches(".*/lib/kqat-connect-plugin-.*\\.jar"))
                .anyMatch(n -> n.matches(".*/lib/kqat-codec-.*\\.jar"))
                .noneMatch(n -> n.contains("slf4j") || n.contains("kafka-clients") || n.contains("connect-api"));
        assertThat(top).isEqualTo(manifest.at("/owner/username").asText() + "-" + manifest.path("name").asText() + "-"
                + manifest.path("version").asText() + "/");
        assertThat(manifest.path("version").asText()).isEqualTo(V);
        assertThat(manifest.path("component_types").toString()).isEqualTo("[\"transform\"]");
        assertThat(manifest.path("release_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(manifest.at("/owner/type").asText()).isIn("organization", "user");
        assertThat(manifest.at("/features/single_message_transforms").asBoolean()).isTrue();
    }

    @Test
    void theSbomListsWhatShips() throws Exception {
        JsonNode bom = DeployFiles.json(RELEASE.resolve("kqat-" + V + "-sbom.json"));
        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("kqat-dist");
        assertThat(bom.at("/metadata/timestamp").isMissingNode()).as("no build time: reproducible").isTrue();
        Set<String> components = new TreeSet<>();
        for (JsonNode c : bom.path("components")) {
            components.add(c.path("name").asText() + "-" + c.path("version").asText());
            assertThat(c.path("purl").asText()).startsWith("pkg:maven/");
            assertThat(c.path("hashes")).as(c.path("name").asText()).isNotEmpty();
        }
        assertThat(components).contains("kqat-agent-" + V, "kqat-codec-" + V, "kqat-connect-plugin-" + V,
                "kqat-tools-" + V).anyMatch(c -> c.startsWith("byte-buddy-")).anyMatch(c -> c.startsWith("jna-"));
        for (String jar : CliDistributionTest.libraryJars()) {
            assertThat(components).as("the command line's %s is in the SBOM", jar).contains(jar.replace(".jar", ""));
        }
    }

    static String sha512(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(file)));
    }
}
