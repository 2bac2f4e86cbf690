package io.kqat.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.LocalKafkaBroker;
import io.kqat.local.workload.WorkloadJvm;
import io.kqat.local.workload.WorkloadReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The apache/kafka image's way with a CDS archive, on jars: dump a dynamic archive from a broker running without any
 * agent while gzip batches flow (the image's jsa_launch does so while building), then start a broker with
 * -XX:SharedArchiveFile and kqat's agent, as the image's launch script does with KAFKA_OPTS. -Xshare:on makes the JVM
 * refuse to start if it cannot use the archive, so the second broker running at all proves the archive is in use.
 */
final class CdsBroker {
    private CdsBroker() {
    }

    /** Runs a stock broker with -XX:ArchiveClassesAtExit, sends gzip batches, stops it: the archive. */
    static Path dumpArchive(Path java, Path work) {
        Path archive = work.resolve("kafka.jsa");
        try (LocalKafkaBroker broker = LocalKafkaBroker.builder(work.resolve("dump")).java(java)
                .jvmArg("-XX:ArchiveClassesAtExit=" + archive).start()) {
            produce(work.resolve("dump-producer"), broker, "cds-dump");
        }
        assertThat(archive).as("the broker wrote its archive at exit").exists();
        return archive;
    }

    /** A broker with the archive and kqat's agent, logging where each class came from; gzip batches sent to it. */
    static Result runWithAgent(Path java, Path work, Path archive) throws Exception {
        Path classLog = work.resolve("class-load.log");
        try (LocalKafkaBroker broker = LocalKafkaBroker.builder(work.resolve("run")).java(java)
                .jvmArg("-Xshare:on").jvmArg("-XX:SharedArchiveFile=" + archive)
                .jvmArg("-Xlog:class+load=info:file=" + classLog).withKqatAgent("").start()) {
            WorkloadReport sent = produce(work.resolve("run-producer"), broker, "cds-run");
            long decompressed = broker.kqatCounter("decompressBatches");
            boolean hooked = broker.logContains("kqat: hooked");
            return new Result(sent, decompressed, hooked, Files.readString(classLog));
        }
    }

    private static WorkloadReport produce(Path dir, LocalKafkaBroker broker, String topic) {
        return WorkloadJvm.produce(dir, broker.bootstrapServers(), topic).records(2000).compression("gzip")
                .run(Duration.ofMinutes(3));
    }

    /** What the broker with the archive did. */
    record Result(WorkloadReport sent, long brokerDecompressBatches, boolean hooked, String classLoadLog) {

        /** Where a class came from: "shared objects file (top)" for the archive, else its jar. */
        String sourceOf(String className) {
            for (String line : classLoadLog.split("\n")) {
                int at = line.indexOf(" " + className + " source: ");
                if (at >= 0) {
                    return line.substring(at + className.length() + " source: ".length() + 1).trim();
                }
            }
            return null;
        }
    }
}
