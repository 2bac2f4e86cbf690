package io.kqat.deploy.monitoring;

import io.kqat.deploy.DeployFiles;
import io.kqat.local.KafkaRuntimes;
import java.nio.file.Path;

/** Prometheus' JMX exporter agent (1.0.1, the runtime module's one jar) with kqat's rules. */
final class JmxExporter {
    static final Path RULES = DeployFiles.file("prometheus/kqat-jmx-exporter.yaml");

    private JmxExporter() {
    }

    /** The JVM flag that serves {@code /metrics} on {@code 127.0.0.1:port}. */
    static String agentArg(int port) {
        return "-javaagent:" + KafkaRuntimes.locate().javaAgent("jmx-exporter") + "=127.0.0.1:" + port + ":" + RULES;
    }
}
