package io.kqat.local;

import io.kqat.local.cpu.DeviceCpu;
import io.kqat.local.cpu.ThreadCpu;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft broker (combined broker and controller) from the Maven Central jars, running as its own JVM
 * on free loopback ports, optionally with the kqat agent. Its log is {@code broker.log} in the work directory.
 */
public final class LocalKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final ChildJvm jvm;
    private final String bootstrapServers;
    private final Path workDir;
    private final int jmxPort;

    private LocalKafkaBroker(ChildJvm jvm, String bootstrapServers, Path workDir, int jmxPort) {
        this.jvm = jvm;
        this.bootstrapServers = bootstrapServers;
        this.workDir = workDir;
        this.jmxPort = jmxPort;
    }

    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path workDir() {
        return workDir;
    }

    public Path logFile() {
        return workDir.resolve("broker.log");
    }

    /** True when the broker's log contains {@code text} (for checking what kqat logged at start, say). */
    public boolean logContains(String text) {
        return ChildJvm.fileContains(logFile(), text);
    }

    /** Reads one MBean attribute of the broker JVM over JMX (loopback only, no authentication). */
    public Object jmxAttribute(String objectName, String attribute) {
        try (BrokerJmx jmx = new BrokerJmx(jmxPort)) {
            return jmx.attribute(objectName, attribute);
        }
    }

    /** The broker's CPU by thread group, over JMX ({@link ThreadCpu}: request handlers, kqat's threads, ...). */
    public Map<String, Long> threadCpu() {
        try (BrokerJmx jmx = new BrokerJmx(jmxPort)) {
            return jmx.threadCpu();
        }
    }

    /** The CPU time of the QAT emulator's device process the broker started (0 without one). */
    public long deviceCpuNanos() {
        return DeviceCpu.ofChildrenOf(jvm.process().pid());
    }

    /** One of the kqat agent's counters in the broker ({@code compressBatches}, {@code decompressBatches}, ...). */
    public long kqatCounter(String counter) {
        try (BrokerJmx jmx = new BrokerJmx(jmxPort)) {
            return jmx.kqatCounter(counter);
        }
    }

    public boolean isAlive() {
        return jvm.process().isAlive();
    }

    @Override
    public void close() {
        jvm.close();
    }

    public static final class Builder {
        private final Path workDir;
        private final KafkaRuntimes runtimes = KafkaRuntimes.locate();
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC"));
        private BrokerRelease release = BrokerRelease.CURRENT;
        private Path javaBinary = ChildJvm.thisJava();
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder(Path workDir) {
            this.workDir = workDir.toAbsolutePath();
        }

        /** Runs the broker with {@code -javaagent:kqat-agent.jar=options}. */
        public Builder withKqatAgent(String agentOptions) {
            String opts = agentOptions == null || agentOptions.isBlank() ? "" : "=" + agentOptions;
            jvmArgs.add("-javaagent:" + runtimes.agentJar() + opts);
            return this;
        }

        /** Which Kafka release to run; the build's {@code kafka.version} by default. */
        public Builder release(BrokerRelease release) {
            this.release = release;
            return this;
        }

        /** Runs the broker on another Java installation ({@code javaBinary} is its {@code bin/java}); this JVM's by default. */
        public Builder java(Path javaBinary) {
            this.javaBinary = javaBinary;
            return this;
        }

        /** An environment variable of the broker's process (the QAT emulator's {@code KQAT_EMU_*} switches, say). */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        public Builder serverProperty(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        /** Formats the storage, starts the broker and waits until it serves. */
        public LocalKafkaBroker start() {
            int port = FreePorts.next();
            int controllerPort = FreePorts.next();
            Path config = workDir.resolve("server.properties");
            writeServerProperties(config, port, controllerPort);
            List<String> classpath = runtimes.classpath(release.runtime());

            StorageFormat.run(workDir, classpath, release.formatArgs(StorageFormat.randomClusterId(), config.toString()));

            int jmxPort = FreePorts.next();
            List<String> args = new ArrayList<>(jvmArgs);
            args.addAll(BrokerJmx.jvmArgs(jmxPort));
            args.add(Log4j2Config.write(workDir.resolve("broker.log")));
            ChildJvm jvm = ChildJvm.start(javaBinary, "broker", workDir, classpath, args, "kafka.Kafka",
                    List.of(config.toString()), environment);
            LocalKafkaBroker broker = new LocalKafkaBroker(jvm, "127.0.0.1:" + port, workDir, jmxPort);
            try {
                jvm.awaitReady(() -> broker.logContains("Kafka Server started"), START_TIMEOUT, "started");
            } catch (RuntimeException e) {
                jvm.close();
                throw new IllegalStateException(e.getMessage() + "\n" + ChildJvm.tailOf(broker.logFile(), 40), e);
            }
            LOG.info("Kafka broker ready at {} (work dir {})", broker.bootstrapServers(), workDir);
            return broker;
        }

        private void writeServerProperties(Path file, int port, int controllerPort) {
            Properties p = new Properties();
            p.setProperty("process.roles", "broker,controller");
            p.setProperty("node.id", "1");
            release.quorum(p, controllerPort);
            p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            p.setProperty("controller.listener.names", "CONTROLLER");
            p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.setProperty("log.dirs", workDir.resolve("data").toString());
            p.setProperty("num.partitions", "1");
            p.setProperty("offsets.topic.replication.factor", "1");
            p.setProperty("transaction.state.log.replication.factor", "1");
            p.setProperty("transaction.state.log.min.isr", "1");
            p.setProperty("share.coordinator.state.topic.replication.factor", "1");
            p.setProperty("share.coordinator.state.topic.min.isr", "1");
            p.setProperty("group.initial.rebalance.delay.ms", "0");
            p.setProperty("auto.create.topics.enable", "true");
            overrides.forEach(p::setProperty);
            try {
                Files.createDirectories(workDir);
                try (Writer w = Files.newBufferedWriter(file)) {
                    p.store(w, "kqat local broker");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
