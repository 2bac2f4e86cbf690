package io.kqat.deploy.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.kqat.deploy.DeployFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every query of the Grafana dashboard, and how to run one outside Grafana. */
final class DashboardQueries {
    static final Path FILE = DeployFiles.file("grafana/kqat-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("\\b((?:kqat|jvm)_[a-z0-9_]+)\\b");

    private DashboardQueries() {
    }

    /** One target of one panel. */
    record Query(String panel, String refId, String expr) {
        /** The query as Prometheus runs it: Grafana's variables replaced (every job and instance, a short window). */
        String runnable(String rateInterval) {
            return expr.replace("$__rate_interval", rateInterval).replace("$job", ".*").replace("$instance", ".*");
        }

        /** The metric names it reads. */
        Set<String> metrics() {
            Set<String> names = new TreeSet<>();
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        @Override
        public String toString() {
            return "'" + panel + "' " + refId + ": " + expr;
        }
    }

    static List<Query> all() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : DeployFiles.json(FILE).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query(panel.path("title").asText(), target.path("refId").asText(),
                        target.path("expr").asText()));
            }
        }
        return queries;
    }

    static Set<String> metrics() {
        Set<String> names = new TreeSet<>();
        all().forEach(q -> names.addAll(q.metrics()));
        return names;
    }
}
