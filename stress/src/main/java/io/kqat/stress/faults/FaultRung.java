package io.kqat.stress.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The throwing rung a producer of the faults mode gets: the codec tests' scripted backend, which the build copies
 * with a {@code META-INF/services} entry into {@code stress/target/fault-rung} (this module's main code does not
 * compile against test code; it names the rung's directory and system properties only). It ranks first, so every
 * batch starts on it; every second compression throws, the others are compressed by the JDK on the same rung, so
 * consecutive failures never reach the breaker's threshold and the fault keeps being hit all run long. At exit it
 * prints what it was given and threw.
 */
final class FaultRung {
    static final String NAME = "throwing";
    private static final String RANK = "5";
    /** Every second compression throws. */
    private static final int EVERY = 2;

    private FaultRung() {
    }

    /** The classpath entry that holds the rung and its service entry, built by {@code mvn package}. */
    static Path directory(Path kqatHome) {
        Path dir = kqatHome.resolve("stress/target/fault-rung");
        if (!Files.isRegularFile(dir.resolve("META-INF/services/io.kqat.codec.spi.BackendProvider"))
                || !Files.isRegularFile(dir.resolve("io/kqat/codec/scripted/ScriptedProvider.class"))) {
            throw new IllegalStateException(dir + " is missing: build the project first (mvn -B -ntp package"
                    + " -DskipTests)");
        }
        return dir;
    }

    /** The producer's system properties for a rung throwing {@code kind} (error, runtime, oom). */
    static List<String> jvmArgs(String kind) {
        return List.of("-Dkqat.scripted.name=" + NAME, "-Dkqat.scripted.rank=" + RANK,
                "-Dkqat.scripted.deflate=" + kind + "/" + EVERY);
    }
}
