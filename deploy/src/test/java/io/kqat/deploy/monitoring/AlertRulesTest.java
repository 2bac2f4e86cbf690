package io.kqat.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kqat.deploy.DeployFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * kqat's alert rules are valid Prometheus rules, behave as their unit tests say (silent fallback to software where QAT
 * is expected, an open breaker, a device that does not answer), and read only metrics the exporter rules produce.
 */
class AlertRulesTest {
    private static final Path DIR = DeployFiles.dir().resolve("prometheus");

    @Test
    void promtoolAcceptsTheRules() {
        Promtool.Result r = Promtool.run(DIR, "check", "rules", "kqat-alerts.yaml");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    @Test
    void theAlertsFireWhenTheirUnitTestsSayAndOnlyThen() {
        Promtool.Result r = Promtool.run(DIR, "test", "rules", "kqat-alerts.test.yaml");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    @Test
    void aBrokenRuleFailsTheCheck() throws Exception {
        Path broken = DeployFiles.workDir("alerts").resolve("kqat-alerts.yaml");
        Files.writeString(broken, Files.readString(DIR.resolve("kqat-alerts.yaml"))
                .replace("kqat_backend_circuit_open) == 1", "kqat_backend_circuit_open) == 1)"));
        Promtool.Result r = Promtool.run(broken.getParent(), "check", "rules", "kqat-alerts.yaml");
        assertThat(r.exitCode()).as("promtool must reject a broken expression").isNotZero();
    }

    @Test
    void theRulesReadOnlyMetricsTheExporterRulesProduce() {
        Set<String> read = new HashSet<>();
        Set<String> recorded = new HashSet<>();
        for (JsonNode group : DeployFiles.yaml(DIR.resolve("kqat-alerts.yaml")).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("record")) {
                    recorded.add(rule.path("record").asText());
                }
                var m = java.util.regex.Pattern.compile("\\b(kqat_[a-z0-9_]+)\\b").matcher(rule.path("expr").asText());
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        read.remove("kqat_qat_expected"); // the target label an operator sets
        assertThat(ExporterRules.names()).containsAll(read);
        assertThat(recorded).allMatch(r -> r.startsWith("kqat:"), "recording rules follow level:metric:operations");
    }
}
