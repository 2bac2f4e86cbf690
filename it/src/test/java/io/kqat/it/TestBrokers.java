package io.kqat.it;

import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Starts the broker for a scenario: Testcontainers where a Docker engine answers, a local KRaft JVM otherwise. Either
 * way the same scenarios run; which one was used is logged loudly, never skipped.
 */
final class TestBrokers {
    private static final Logger LOG = LoggerFactory.getLogger(TestBrokers.class);

    private TestBrokers() {
    }

    /**
     * @param agentOptions null for a stock broker, else the kqat agent's options ("" for the defaults)
     */
    static TestBroker start(Path workDir, String agentOptions, Map<String, String> serverProperties) {
        boolean docker = !Boolean.getBoolean("kqat.it.localBroker") && dockerAvailable();
        TestBroker broker = docker
                ? new ContainerTestBroker(agentOptions, serverProperties)
                : new LocalTestBroker(workDir, agentOptions, serverProperties);
        LOG.warn("kqat it: {} Docker engine; scenarios run against {}{}", docker ? "found a" : "NO",
                broker.describe(), agentOptions == null ? "" : " with the kqat agent (" + agentOptions + ")");
        return broker;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
