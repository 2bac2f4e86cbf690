package io.kqat.deploy.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.kqat.deploy.DeployFiles;
import java.util.Set;
import java.util.TreeSet;

/** What kqat's exporter rules declare. */
final class ExporterRules {
    private ExporterRules() {
    }

    static JsonNode rules() {
        return DeployFiles.yaml(JmxExporter.RULES).path("rules");
    }

    /** Every metric name a rule gives. */
    static Set<String> names() {
        Set<String> names = new TreeSet<>();
        rules().forEach(r -> names.add(r.path("name").asText()));
        return names;
    }
}
