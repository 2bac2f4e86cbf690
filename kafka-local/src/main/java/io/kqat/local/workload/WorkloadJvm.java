package io.kqat.local.workload;

import io.kqat.local.ChildJvm;
import io.kqat.local.KafkaRuntimes;
import io.kqat.samples.KafkaLikeEvents;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@link ProduceWorkload} or {@link ConsumeWorkload} as its own JVM on a chosen kafka-clients release, with or
 * without the kqat agent, and returns its report. Separate JVMs let one test compare a client with kqat against one
 * without: the agent changes Kafka's classes for the whole JVM.
 */
public final class WorkloadJvm {
    private final Class<?> program;
    private final Path workDir;
    private final List<String> args = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx768m", "-XX:+UseSerialGC"));
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> extraClasspath = new ArrayList<>();
    private final KafkaRuntimes runtimes = KafkaRuntimes.locate();
    private String clients = KafkaRuntimes.CLIENTS;
    private Path javaBinary = ChildJvm.thisJava();
    private String name;

    private WorkloadJvm(Class<?> program, Path workDir, String bootstrap, String topic) {
        this.program = program;
        this.workDir = workDir;
        this.name = program.getSimpleName();
        arg("bootstrap", bootstrap).arg("topic", topic);
    }

    public static WorkloadJvm produce(Path workDir, String bootstrap, String topic) {
        return new WorkloadJvm(ProduceWorkload.class, workDir, bootstrap, topic);
    }

    public static WorkloadJvm consume(Path workDir, String bootstrap, String topic) {
        return new WorkloadJvm(ConsumeWorkload.class, workDir, bootstrap, topic);
    }

    public WorkloadJvm name(String name) {
        this.name = name;
        return this;
    }

    public WorkloadJvm records(long n) {
        return arg("records", Long.toString(n));
    }

    public WorkloadJvm seed(long seed) {
        return arg("seed", Long.toString(seed));
    }

    /** Producer's {@code compression.type}. */
    public WorkloadJvm compression(String type) {
        return arg("compression", type);
    }

    /** Any Kafka client setting, e.g. {@code compression.gzip.level}. */
    public WorkloadJvm clientConfig(String key, String value) {
        return arg("client", key + "=" + value);
    }

    /** Which runtime module's kafka-clients to run on, e.g. {@link KafkaRuntimes#CLIENTS_3_9}. */
    public WorkloadJvm clients(String runtime) {
        this.clients = runtime;
        return this;
    }

    public WorkloadJvm withKqatAgent(String agentOptions) {
        String opts = agentOptions == null || agentOptions.isBlank() ? "" : "=" + agentOptions;
        jvmArgs.add("-javaagent:" + runtimes.agentJar() + opts);
        return this;
    }

    /**
     * Switches kqat on from the client's own configuration instead of a JVM flag: kqat's jar on the classpath and
     * {@code metric.reporters=io.kqat.agent.KqatMetricsReporter}, with {@code kqat.*} options.
     */
    public WorkloadJvm withKqatFromConfig(String mode) {
        extraClasspath.add(runtimes.agentJar().toString());
        clientConfig("metric.reporters", "io.kqat.agent.KqatMetricsReporter");
        return clientConfig("kqat.mode", mode);
    }

    /** Any JVM flag, in order with the agents added above and below (another {@code -javaagent}, say). */
    public WorkloadJvm jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    /** Runs on another Java installation ({@code javaBinary} is its {@code bin/java}); this JVM's by default. */
    public WorkloadJvm java(Path javaBinary) {
        this.javaBinary = javaBinary;
        return this;
    }

    public WorkloadJvm env(String key, String value) {
        env.put(key, value);
        return this;
    }

    private WorkloadJvm arg(String key, String value) {
        args.add("--" + key);
        args.add(value);
        return this;
    }

    /** Runs the program to the end; throws with its output when it fails. */
    public WorkloadReport run(Duration timeout) {
        Path report = workDir.resolve(name + ".report");
        List<String> all = new ArrayList<>(args);
        all.add("--report");
        all.add(report.toString());
        // The runtime first: a shaded runtime carries the workload programs relocated with its Kafka.
        List<String> classpath = new ArrayList<>(runtimes.classpath(clients));
        classpath.add(location(WorkloadJvm.class));
        classpath.add(location(KafkaLikeEvents.class));
        classpath.add(location(CommandLine.class));
        classpath.addAll(extraClasspath);
        try (ChildJvm jvm = ChildJvm.start(javaBinary, name, workDir, classpath, jvmArgs, program.getName(), all, env)) {
            int exit = jvm.waitFor(timeout);
            WorkloadReport result = java.nio.file.Files.exists(report) ? WorkloadReport.read(report) : null;
            if (exit != 0 || result == null) {
                throw new WorkloadFailed(name + " failed (exit " + exit + "), report " + result + "\n" + jvm.tail(60), result);
            }
            return result;
        }
    }

    private static String location(Class<?> c) {
        try {
            return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A workload program that exited with an error; carries its report when it wrote one. */
    public static final class WorkloadFailed extends RuntimeException {
        private final transient WorkloadReport report;

        WorkloadFailed(String message, WorkloadReport report) {
            super(message);
            this.report = report;
        }

        public WorkloadReport report() {
            return report;
        }
    }
}
