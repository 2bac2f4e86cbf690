package io.kqat.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real Kafka Connect worker in standalone mode ({@code ConnectStandalone}) as its own JVM, on the Connect runtime's
 * own jars, loading plugins from {@code plugin.path} with isolation. Connectors are given as property maps at start;
 * {@link #start} returns once every connector and its tasks report RUNNING over the REST API.
 */
public final class LocalConnectWorker implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final ChildJvm jvm;
    private final int restPort;
    private final Path workDir;

    private LocalConnectWorker(ChildJvm jvm, int restPort, Path workDir) {
        this.jvm = jvm;
        this.restPort = restPort;
        this.workDir = workDir;
    }

    public static Builder builder(Path workDir, String bootstrapServers) {
        return new Builder(workDir, bootstrapServers);
    }

    public Path logFile() {
        return workDir.resolve("connect.log");
    }

    /** The REST answer for one connector's status (JSON text), or the error that prevented reading it. */
    public String status(String connector) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/connectors/" + connector + "/status"))
                            .timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException e) {
            return "unreachable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Fails with the worker's log when it died (a task failure keeps the JVM up: see {@link #status}). */
    public void checkAlive() {
        if (!jvm.process().isAlive()) {
            throw new IllegalStateException("Connect worker exited\n" + jvm.tail(60));
        }
    }

    @Override
    public void close() {
        jvm.close();
    }

    public static final class Builder {
        private final Path workDir;
        private final String bootstrapServers;
        private final Map<String, String> workerProps = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> connectors = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC"));
        private final KafkaRuntimes runtimes = KafkaRuntimes.locate();

        private Builder(Path workDir, String bootstrapServers) {
            this.workDir = workDir.toAbsolutePath();
            this.bootstrapServers = bootstrapServers;
        }

        /** A directory of plugins (each in its own subdirectory), loaded with plugin isolation. */
        public Builder pluginPath(Path dir) {
            workerProps.put("plugin.path", dir.toAbsolutePath().toString());
            return this;
        }

        public Builder workerProperty(String key, String value) {
            workerProps.put(key, value);
            return this;
        }

        /** Runs the worker JVM with the kqat agent, so its own producers and consumers go through kqat. */
        public Builder withKqatAgent(String agentOptions) {
            String opts = agentOptions == null || agentOptions.isBlank() ? "" : "=" + agentOptions;
            jvmArgs.add("-javaagent:" + runtimes.agentJar() + opts);
            return this;
        }

        /** A system property of the worker JVM ({@code -Dkey=value}). */
        public Builder systemProperty(String key, String value) {
            jvmArgs.add("-D" + key + "=" + value);
            return this;
        }

        public Builder connector(Map<String, String> config) {
            String name = config.get("name");
            if (name == null) {
                throw new IllegalArgumentException("a connector config needs a name");
            }
            connectors.put(name, config);
            return this;
        }

        public LocalConnectWorker start() {
            int restPort = FreePorts.next();
            Properties worker = new Properties();
            worker.setProperty("bootstrap.servers", bootstrapServers);
            worker.setProperty("listeners", "http://127.0.0.1:" + restPort);
            worker.setProperty("offset.storage.file.filename", workDir.resolve("offsets").toString());
            worker.setProperty("offset.flush.interval.ms", "1000");
            worker.setProperty("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
            worker.setProperty("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
            worker.setProperty("plugin.discovery", "service_load");
            workerProps.forEach(worker::setProperty);

            List<String> args = new ArrayList<>();
            args.add(write(workDir.resolve("worker.properties"), worker).toString());
            for (Map.Entry<String, Map<String, String>> c : connectors.entrySet()) {
                Properties p = new Properties();
                p.putAll(c.getValue());
                args.add(write(workDir.resolve(c.getKey() + ".properties"), p).toString());
            }
            List<String> jvm = new ArrayList<>(jvmArgs);
            jvm.add(Log4j2Config.write(workDir.resolve("connect.log")));
            ChildJvm child = ChildJvm.start("connect", workDir, runtimes.classpath(KafkaRuntimes.CONNECT_WORKER), jvm,
                    "org.apache.kafka.connect.cli.ConnectStandalone", args);
            LocalConnectWorker w = new LocalConnectWorker(child, restPort, workDir);
            try {
                for (String name : connectors.keySet()) {
                    child.awaitReady(() -> running(w.status(name)), START_TIMEOUT, "running connector " + name);
                }
            } catch (RuntimeException e) {
                String statuses = connectors.keySet().stream().map(n -> n + ": " + w.status(n)).toList().toString();
                child.close();
                throw new IllegalStateException(e.getMessage() + "\nstatus " + statuses + "\n" + ChildJvm.tailOf(w.logFile(), 60), e);
            }
            return w;
        }

        /** Connector and every task RUNNING (and at least one task). */
        private static boolean running(String status) {
            if (!status.startsWith("200 ")) {
                return false;
            }
            int states = status.split("\"state\"", -1).length - 1;
            int runningStates = status.split("\"state\":\"RUNNING\"", -1).length - 1;
            return states >= 2 && states == runningStates;
        }

        private Path write(Path file, Properties p) {
            try {
                Files.createDirectories(file.getParent());
                try (Writer w = Files.newBufferedWriter(file)) {
                    p.store(w, null);
                }
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

    }
}
