package io.kqat.it;

import io.kqat.local.LocalKafkaBroker;
import java.nio.file.Path;

/** The broker as a child JVM started from the Maven Central jars (no Docker needed). */
final class LocalTestBroker implements TestBroker {
    private final LocalKafkaBroker broker;

    LocalTestBroker(Path workDir, String agentOptions, java.util.Map<String, String> serverProperties) {
        LocalKafkaBroker.Builder builder = LocalKafkaBroker.builder(workDir);
        if (agentOptions != null) {
            builder.withKqatAgent(agentOptions);
        }
        serverProperties.forEach(builder::serverProperty);
        this.broker = builder.start();
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public long kqatCompressBatches() {
        return broker.kqatCounter("compressBatches");
    }

    @Override
    public String describe() {
        return "local KRaft broker JVM at " + broker.bootstrapServers() + " (log " + broker.logFile() + ")";
    }

    @Override
    public void close() {
        broker.close();
    }
}
