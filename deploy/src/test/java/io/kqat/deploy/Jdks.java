package io.kqat.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Java installations of this machine: each JDK under /usr/lib/jvm, by its feature release. */
public final class Jdks {
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private Jdks() {
    }

    /** The bin/java of every installation of at least this feature release, sorted by home. */
    public static List<Path> atLeast(int feature) {
        if (!Files.isDirectory(JVM_DIR)) {
            return List.of();
        }
        try (Stream<Path> homes = Files.list(JVM_DIR)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && feature(h) >= feature).sorted()
                    .map(h -> h.resolve("bin/java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + JVM_DIR, e);
        }
    }

    /** The feature release a home's release file names (JAVA_VERSION="25.0.3" is 25), 0 when unknown. */
    static int feature(Path home) {
        for (String line : DeployFiles.lines(home.resolve("release"))) {
            if (line.startsWith("JAVA_VERSION=")) {
                return Integer.parseInt(line.substring("JAVA_VERSION=".length()).replace("\"", "").split("[.+-]")[0]);
            }
        }
        return 0;
    }
}
