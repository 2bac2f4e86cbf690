package io.kqat.deploy.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kqat.deploy.DeployFiles;
import io.kqat.deploy.monitoring.DashboardQueries.Query;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard loads as provisioned and as imported (a datasource variable, not an import-only input), each
 * panel of the list is there, every query is valid PromQL (promtool, as recording rules) and reads only metrics
 * kqat's exporter rules produce or the exporter's own JVM metrics. MonitoringTest runs every query against real scrapes.
 */
class DashboardTest {
    private final JsonNode dashboard = DeployFiles.json(DashboardQueries.FILE);

    @Test
    void itIsAProvisionableDashboardWithADatasourceVariable() {
        assertThat(dashboard.path("uid").asText()).isEqualTo("kqat-overview");
        assertThat(dashboard.path("schemaVersion").isInt()).isTrue();
        assertThat(dashboard.has("__inputs")).as("provisioning does not resolve __inputs").isFalse();
        JsonNode ds = dashboard.path("templating").path("list").get(0);
        assertThat(ds.path("name").asText()).isEqualTo("DS_PROMETHEUS");
        assertThat(ds.path("type").asText()).isEqualTo("datasource");
        assertThat(ds.path("query").asText()).isEqualTo("prometheus");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
            assertThat(panel.path("type").asText()).isNotEmpty();
            assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${DS_PROMETHEUS}");
                assertThat(panel.path("targets")).isNotEmpty();
                panel.path("targets").forEach(t -> assertThat(t.path("datasource").path("uid").asText())
                        .isEqualTo("${DS_PROMETHEUS}"));
            }
        }
    }

    @Test
    void itCoversWhatAnOperatorAsksOfIt() {
        List<String> titles = dashboard.findValuesAsText("title");
        assertThat(titles).contains("Who compresses and who decompresses", "Batches per rung", "Bytes per rung",
                "Fallbacks and errors per rung", "Fallback reasons", "Circuit breakers", "Device answering",
                "Device requests, timeouts and refusals", "Bytes copied and bytes read in place",
                "Decode memory in use (kqat's native memory bound)");
    }

    @Test
    void everyQueryIsValidPromqlOverMetricsTheExporterProduces() throws Exception {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int i = 0;
        for (Query q : DashboardQueries.all()) {
            rules.append("      - record: dashboard:query").append(i++).append('\n')
                    .append("        expr: '").append(q.runnable("1m").replace("'", "''")).append("'\n");
            for (String metric : q.metrics()) {
                assertThat(metric.startsWith("jvm_") || ExporterRules.names().contains(metric))
                        .as("%s reads %s, which no exporter rule produces", q, metric).isTrue();
            }
        }
        Path file = DeployFiles.workDir("dashboard").resolve("dashboard-queries.yaml");
        Files.writeString(file, rules);
        Promtool.Result r = Promtool.run(file.getParent(), "check", "rules", file.getFileName().toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
    }
}
