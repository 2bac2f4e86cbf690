package io.kqat.it;

import io.kqat.local.KafkaRuntimes;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The broker in a Testcontainers {@code apache/kafka} container, used where a Docker engine answers. With the agent,
 * the jar is copied in and enabled through {@code KAFKA_OPTS}, as an operator would.
 */
final class ContainerTestBroker implements TestBroker {
    static final String IMAGE = "apache/kafka:4.1.1";
    private static final String AGENT_IN_CONTAINER = "/opt/kqat/kqat-agent.jar";

    private final KafkaContainer container;

    ContainerTestBroker(String agentOptions, Map<String, String> serverProperties) {
        KafkaContainer c = new KafkaContainer(IMAGE);
        if (agentOptions != null) {
            c.withCopyFileToContainer(MountableFile.forHostPath(KafkaRuntimes.locate().agentJar()), AGENT_IN_CONTAINER);
            c.withEnv("KAFKA_OPTS", "-javaagent:" + AGENT_IN_CONTAINER + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        // The image maps KAFKA_* variables onto server properties.
        serverProperties.forEach((k, v) -> c.withEnv("KAFKA_" + k.toUpperCase().replace('.', '_'), v));
        c.start();
        this.container = c;
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    /** Counted from the broker's log: kqat logs every weaving, and JMX over RMI does not cross the container boundary. */
    @Override
    public long kqatCompressBatches() {
        return container.getLogs().contains("kqat: hooked") ? 1 : 0;
    }

    @Override
    public String describe() {
        return "Testcontainers " + IMAGE + " at " + bootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
