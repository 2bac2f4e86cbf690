package io.kqat.stress.run;

import io.kqat.emulator.EmulatorControl;
import io.kqat.local.ChildJvm;
import io.kqat.local.KafkaRuntimes;
import io.kqat.local.OrphanGuard;
import io.kqat.local.workload.ProgramOptions;
import io.kqat.samples.KafkaLikeEvents;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Starts this module's child programs (io.kqat.stress.child) as their own JVMs on the kafka-clients runtime, with or
 * without the agent, and reads the properties file each writes as its report.
 */
public final class ChildPrograms {
    private final KafkaRuntimes runtimes = KafkaRuntimes.locate();
    private final Path workDir;

    public ChildPrograms(Path workDir) {
        this.workDir = workDir;
    }

    public KafkaRuntimes runtimes() {
        return runtimes;
    }

    /** One child program run: its JVM settings, then {@link #run}. */
    public final class Run {
        private final String name;
        private final String mainClass;
        private final List<String> jvmArgs = new ArrayList<>(List.of("-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn"));
        private final List<String> args = new ArrayList<>();
        private final List<String> classpath = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();

        Run(String name, String mainClass) {
            this.name = name;
            this.mainClass = mainClass;
            classpath.addAll(runtimes.classpath(KafkaRuntimes.CLIENTS));
            classpath.add(location(ChildPrograms.class));
            classpath.add(location(ProgramOptions.class)); // kafka-local: the options every client program shares, the guard
            classpath.add(location(CommandLine.class)); // picocli, which reads them
            classpath.add(location(KafkaLikeEvents.class)); // samples: the records
            classpath.add(location(EmulatorControl.class)); // qat-emulator: its controls (JNA comes with the agent)
        }

        public Run jvmArg(String a) {
            jvmArgs.add(a);
            return this;
        }

        public Run arg(String key, Object value) {
            args.add("--" + key);
            args.add(String.valueOf(value));
            return this;
        }

        public Run env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Run classpath(Path jar) {
            classpath.add(jar.toString());
            return this;
        }

        /** {@code -javaagent:kqat-agent.jar=options}. */
        public Run agent(String options) {
            return jvmArg("-javaagent:" + runtimes.agentJar() + (options.isEmpty() ? "" : "=" + options));
        }

        public ChildJvm start() {
            List<String> all = new ArrayList<>(args);
            all.add("--report");
            all.add(reportFile().toString());
            // under the guard: a program that runs until told to stop must not outlive a launcher killed with SIGKILL
            return ChildJvm.start(name, workDir, classpath, jvmArgs, OrphanGuard.class.getName(),
                    OrphanGuard.arguments(mainClass, all), env);
        }

        /** Runs to the end; the report even when the program exits non-zero (it says why). */
        public Properties run(Duration timeout) {
            try (ChildJvm jvm = start()) {
                int exit = jvm.waitFor(timeout);
                Path report = reportFile();
                if (!Files.exists(report)) {
                    throw new IllegalStateException(name + " exited " + exit + " without a report\n" + jvm.tail(60));
                }
                Properties p = read(report);
                p.setProperty("exit", Integer.toString(exit));
                p.setProperty("output", jvm.output().toString());
                return p;
            }
        }

        public Path reportFile() {
            return workDir.resolve(name + ".report");
        }
    }

    public Run program(String name, Class<?> mainClass) {
        return new Run(name, mainClass.getName());
    }

    public static Properties read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static String location(Class<?> c) {
        try {
            return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
