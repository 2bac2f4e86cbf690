package io.kqat.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.deploy.DeployFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README's operator path, from a release to a watched broker: "Install from a release" names every file the release
 * has and never asks a user for Maven; "Deploy" names every recipe the release ships and says apache/kafka-native is
 * unsupported; "Monitor" names the exporter rules, the dashboard and the alerts.
 */
class ReadmeOperatorSectionsTest {
    private static final String V = DeployFiles.version();
    private static final String README = readme();

    @Test
    void installFromAReleaseNamesEveryReleaseFileAndNoBuild() throws Exception {
        String install = section("## Install from a release");
        assertThat(install).doesNotContain("mvn").doesNotContain("./kqat ");
        try (Stream<Path> files = Files.list(DeployFiles.dist("release"))) {
            files.map(f -> f.getFileName().toString().replace(V, "VERSION"))
                    .forEach(name -> assertThat(install).as("names %s", name).contains("`" + name + "`"));
        }
    }

    @Test
    void deployNamesEveryShippedRecipeAndMonitorItsFiles() throws Exception {
        String deploy = section("## Deploy");
        Path shipped = DeployFiles.dist("deploy");
        for (String folder : List.of("strimzi", "confluent", "compose", "image")) {
            try (Stream<Path> files = Files.list(shipped.resolve(folder))) {
                files.map(f -> folder + "/" + f.getFileName())
                        .forEach(recipe -> assertThat(deploy).as("names %s", recipe).contains(recipe));
            }
        }
        assertThat(deploy).contains("`apache/kafka-native` is not supported").contains("*not tested here:*");
        assertThat(section("## Monitor")).contains("kqat-jmx-exporter.yaml", "grafana/kqat-dashboard.json",
                "prometheus/kqat-alerts.yaml", "*Tested here*", "*Not tested here:*");
    }

    /** From a heading to the next heading of its level. */
    private static String section(String heading) {
        int start = README.indexOf("\n" + heading + "\n");
        assertThat(start).as("README has %s", heading).isNotNegative();
        int end = README.indexOf("\n## ", start + heading.length() + 2);
        return README.substring(start, end < 0 ? README.length() : end);
    }

    private static String readme() {
        try {
            return Files.readString(DeployFiles.dir().resolveSibling("README.md"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
