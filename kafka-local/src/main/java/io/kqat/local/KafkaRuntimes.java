package io.kqat.local;

import io.kqat.emulator.Emulators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the build left what the child JVMs need: the classpath files written by the {@code runtimes} modules, the
 * agent jar and the QAT emulator. Everything is found from the project's root directory, given by the system property
 * {@code kqat.home} (the {@code ./kqat} launcher and the test configuration set it) or found by walking up from the
 * working directory.
 */
public final class KafkaRuntimes {
    public static final String BROKER = "kafka-broker";
    public static final String BROKER_3_7 = "kafka-broker-3.7";
    public static final String CONNECT_WORKER = "connect-worker";
    public static final String CLIENTS = "kafka-clients";
    public static final String CLIENTS_3_9 = "kafka-clients-3.9";
    public static final String CLIENTS_3_8 = "kafka-clients-3.8";
    public static final String CLIENTS_3_7 = "kafka-clients-3.7";
    public static final String CLIENTS_2_8 = "kafka-clients-2.8";
    /** kafka-clients 4.4 relocated to {@link #SHADED_KAFKA_PACKAGE}, with the workload programs relocated with it. */
    public static final String CLIENTS_SHADED = "kafka-clients-shaded";
    /** kafka-clients 3.7 relocated the same way. */
    public static final String CLIENTS_3_7_SHADED = "kafka-clients-3.7-shaded";
    /** Where the shaded runtimes put Kafka's classes (as Flink's SQL connector jar does). */
    public static final String SHADED_KAFKA_PACKAGE = "org.apache.flink.kafka.shaded.org.apache.kafka";
    /** The OpenTelemetry Java agent, run beside kqat's. */
    public static final String OPENTELEMETRY_AGENT = "opentelemetry-javaagent";

    private final Path home;

    private KafkaRuntimes(Path home) {
        this.home = home;
    }

    public static KafkaRuntimes locate() {
        String configured = System.getProperty("kqat.home");
        if (configured != null && !configured.isBlank()) {
            return new KafkaRuntimes(Paths.get(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("runtimes/pom.xml"))) {
                return new KafkaRuntimes(dir);
            }
        }
        throw new IllegalStateException("cannot find the kqat project root: set -Dkqat.home=<checkout directory>");
    }

    public Path home() {
        return home;
    }

    /**
     * The jars of one runtime module, e.g. {@link #BROKER}: the jar the module builds itself ({@code target/runtime.jar},
     * the shaded runtimes have one) first, then its dependencies.
     */
    public List<String> classpath(String runtime) {
        Path target = home.resolve("runtimes").resolve(runtime).resolve("target");
        Path file = target.resolve("classpath.txt");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build the project first (mvn -B -ntp package -DskipTests)");
        }
        try {
            List<String> jars = new ArrayList<>();
            if (Files.isRegularFile(target.resolve("runtime.jar"))) {
                jars.add(target.resolve("runtime.jar").toString());
            }
            String text = Files.readString(file).trim();
            if (!text.isEmpty()) {
                jars.addAll(Arrays.asList(text.split(java.io.File.pathSeparator)));
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one jar of a runtime module that holds a Java agent, e.g. {@link #OPENTELEMETRY_AGENT}. */
    public Path javaAgent(String runtime) {
        List<String> jars = classpath(runtime);
        if (jars.size() != 1) {
            throw new IllegalStateException("runtime " + runtime + " should be one agent jar, has " + jars);
        }
        return Paths.get(jars.get(0));
    }

    /** The {@code -javaagent} jar built by the codec module. */
    public Path agentJar() {
        return existing(home.resolve("agent/target/kqat-agent.jar"), "build the agent module first");
    }

    /** Directory of the QAT emulator's libraries ({@code iova} or {@code legacy} variant), or null when not built. */
    public Path emulatorDir(String variant) {
        return Emulators.built(home.resolve("qat-emulator/target/native"), variant);
    }

    private static Path existing(Path p, String hint) {
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: " + hint);
        }
        return p;
    }
}
