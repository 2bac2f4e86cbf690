package io.kqat.stress.cluster;

import io.kqat.local.ChildJvm;
import io.kqat.stress.child.GroupMember;
import io.kqat.stress.child.ProgressFile;
import io.kqat.stress.child.SeqChecker;
import io.kqat.stress.child.SeqProducer;
import io.kqat.stress.run.ChildPrograms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The client JVMs of a cluster run: one producer with the agent on the QAT emulator sending the stream until told to
 * stop, the consumer group's members (stock or with the agent), and at the end a stock checker reading the topic from
 * the start. Every one is killed when this closes, whatever happened.
 */
final class ClusterWorkload implements AutoCloseable {
    static final String GROUP = "kqat-cluster";
    private final Path work;
    private final String bootstrap;
    private final String topic;
    private final long seed;
    private final String emulator;
    private final ChildPrograms programs;
    private final Path stopFile;
    private ChildJvm producer;
    private ChildPrograms.Run producerRun;
    private final Map<String, ChildJvm> members = new LinkedHashMap<>();
    private final Map<String, ChildPrograms.Run> memberRuns = new LinkedHashMap<>();

    ClusterWorkload(Path work, String bootstrap, String topic, long seed, Path emulator) {
        this.work = work;
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.seed = seed;
        this.emulator = emulator.toString();
        this.programs = new ChildPrograms(work);
        this.stopFile = work.resolve("stop");
    }

    /** Starts the producer: {@code records} at least, {@code rate} per second, until {@link #stop}. */
    void startProducer(long records, long rate) {
        producerRun = programs.program("producer", SeqProducer.class).jvmArg("-Xmx1g")
                .agent("mode=qat,qat.emulator=" + emulator)
                .arg("bootstrap", bootstrap).arg("topic", topic).arg("records", records).arg("seed", seed)
                .arg("emulator", emulator).arg("rate", rate).arg("until", stopFile)
                .arg("sendLog", sendLog()).arg("progress", work.resolve("producer.progress"));
        producer = producerRun.start();
    }

    /** Records the producer has sent so far. */
    long sent() {
        return ProgressFile.read(work.resolve("producer.progress"))[0];
    }

    /** Waits until the producer has sent {@code records}; fails if it dies first. */
    void awaitSent(long records, Duration timeout) {
        producer.awaitReady(() -> sent() >= records, timeout, "sent " + records + " records");
    }

    /** Starts a member of the group, with the agent on the emulator or stock. */
    void startMember(String name, boolean kqat) {
        ChildPrograms.Run run = programs.program(name, GroupMember.class).jvmArg("-Xmx512m")
                .arg("bootstrap", bootstrap).arg("topic", topic).arg("seed", seed).arg("group", GROUP)
                .arg("stopFile", stopFile).arg("seen", seenFile(name)).arg("status", work.resolve(name + ".status"));
        if (kqat) {
            run.agent("mode=qat,qat.emulator=" + emulator);
        }
        memberRuns.put(name, run);
        members.put(name, run.start());
    }

    /** Waits until the member holds at least one partition. */
    void awaitHolding(String name, Duration timeout) {
        Path status = work.resolve(name + ".status");
        members.get(name).awaitReady(() -> ChildJvm.fileContains(status, topic + "-"), timeout, "assigned a partition");
    }

    /** Tells the producer to stop and waits for it and every member to finish; their reports by name. */
    Map<String, Properties> stop(Duration timeout) {
        try {
            Files.writeString(stopFile, "stop\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Properties> reports = new LinkedHashMap<>();
        reports.put("producer", finish(producer, producerRun, timeout));
        members.forEach((name, jvm) -> reports.put(name, finish(jvm, memberRuns.get(name), timeout)));
        return reports;
    }

    /** Runs the stock checker over the whole topic: {@code expected} records. */
    Properties check(long expected, Duration timeout) {
        return programs.program("checker", SeqChecker.class).jvmArg("-Xmx1g")
                .arg("bootstrap", bootstrap).arg("topic", topic).arg("records", expected).arg("seed", seed)
                .run(timeout);
    }

    Path sendLog() {
        return work.resolve("producer.sends");
    }

    List<Path> seenFiles() {
        List<Path> files = new ArrayList<>();
        members.keySet().forEach(name -> files.add(seenFile(name)));
        return files;
    }

    private Path seenFile(String name) {
        return work.resolve(name + ".seen");
    }

    private static Properties finish(ChildJvm jvm, ChildPrograms.Run run, Duration timeout) {
        int exit = jvm.waitFor(timeout);
        if (!Files.exists(run.reportFile())) {
            throw new IllegalStateException("a client exited " + exit + " without a report\n" + jvm.tail(60));
        }
        Properties p = ChildPrograms.read(run.reportFile());
        p.setProperty("exit", Integer.toString(exit));
        p.setProperty("output", jvm.output().toString());
        return p;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
        members.values().forEach(ChildJvm::close);
    }
}
