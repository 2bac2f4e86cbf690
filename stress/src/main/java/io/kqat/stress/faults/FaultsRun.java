package io.kqat.stress.faults;

import io.kqat.local.LocalKafkaBroker;
import io.kqat.stress.child.SeqChecker;
import io.kqat.stress.child.SeqProducer;
import io.kqat.stress.run.ChildPrograms;
import io.kqat.emulator.Emulators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * One fault case through a real broker: a producer JVM with the agent on the QAT emulator (with the case's fault)
 * sends sequence-numbered records; a stock consumer JVM checks every one. The broker itself is stock.
 */
public final class FaultsRun {
    private final LocalKafkaBroker broker;
    private final Path workDir;
    private final ChildPrograms programs;

    public FaultsRun(LocalKafkaBroker broker, Path workDir) {
        this.broker = broker;
        this.workDir = workDir;
        this.programs = new ChildPrograms(workDir);
    }

    /** The producer's and the checker's reports, merged ({@code producer.*}, {@code checker.*}). */
    public Properties run(String caseId, FaultCase c, int records, long seed, Duration timeout) {
        String topic = "faults-" + caseId;
        String emulator = Emulators.dir("iova").toString();
        ChildPrograms.Run producer = programs.program("producer-" + caseId, SeqProducer.class)
                .jvmArg("-Xmx1g")
                .agent("mode=qat,qat.emulator=" + emulator)
                .arg("bootstrap", broker.bootstrapServers()).arg("topic", topic)
                .arg("records", records).arg("seed", seed).arg("emulator", emulator);
        // Switched on in the producer once kqat has started (the emulator's kqatemu_set_fail_percent / _set_hang_from,
        // as KQAT_EMU_FAIL_PERCENT / KQAT_EMU_HANG_FROM would from the start): from the start they fail kqat's
        // start-up self test, and a device that fails its self test is not used at all.
        if (c.failPercent != null) {
            producer.arg("failPercent", c.failPercent);
        }
        if (c.hang) {
            producer.arg("hangAfter", FaultCase.HANG_AFTER_REQUESTS);
        }
        if (c.thrown != null) {
            producer.classpath(FaultRung.directory(programs.runtimes().home()));
            FaultRung.jvmArgs(c.thrown).forEach(producer::jvmArg);
        }
        Properties out = new Properties();
        prefix(out, "producer.", producer.run(timeout));
        Properties checked = programs.program("checker-" + caseId, SeqChecker.class)
                .jvmArg("-Xmx512m")
                .arg("bootstrap", broker.bootstrapServers()).arg("topic", topic)
                .arg("records", records).arg("seed", seed)
                .run(timeout);
        prefix(out, "checker.", checked);
        return out;
    }

    private static void prefix(Properties into, String prefix, Properties from) {
        from.forEach((k, v) -> into.setProperty(prefix + k, String.valueOf(v)));
    }
}
