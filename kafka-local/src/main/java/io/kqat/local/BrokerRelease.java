package io.kqat.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The broker releases {@link LocalKafkaBroker} can start (KRaft, combined broker and controller), and what differs
 * between them: the runtime module, how the one-node controller quorum is named, and how the storage is formatted.
 * 3.9 introduced dynamic quorums (KIP-853: {@code controller.quorum.bootstrap.servers}, {@code format --standalone});
 * 3.7 knows only a static voter list.
 */
public enum BrokerRelease {
    /** The build's {@code kafka.version} (4.4). */
    CURRENT(KafkaRuntimes.BROKER, true),
    /** Kafka 3.7.2: the last line before {@code GzipCompression}, still common in production. */
    KAFKA_3_7(KafkaRuntimes.BROKER_3_7, false);

    private final String runtime;
    private final boolean dynamicQuorum;

    BrokerRelease(String runtime, boolean dynamicQuorum) {
        this.runtime = runtime;
        this.dynamicQuorum = dynamicQuorum;
    }

    /** The {@code runtimes} module with its jars. */
    public String runtime() {
        return runtime;
    }

    /** Names node 1 at {@code controllerPort} as the whole controller quorum. */
    void quorum(Properties server, int controllerPort) {
        if (dynamicQuorum) {
            server.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        } else {
            server.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        }
    }

    /** Arguments of {@code kafka.tools.StorageTool}. */
    List<String> formatArgs(String clusterId, String serverProperties) {
        List<String> args = new ArrayList<>(List.of("format", "-t", clusterId, "-c", serverProperties));
        if (dynamicQuorum) {
            args.add("--standalone");
        }
        return args;
    }
}
