package io.kqat.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launcher killed with SIGKILL runs no shutdown hook: a child it started under the guard ends anyway, and one
 * started without it keeps running (which is what the guard is for, and shows this test can tell the two apart).
 */
class OrphanGuardTest {
    @TempDir
    Path dir;

    @Test
    void aGuardedChildEndsWithItsKilledLauncher() throws Exception {
        ProcessHandle child = childOfKilledLauncher(true);
        assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    @Test
    void anUnguardedChildOutlivesItsKilledLauncher() throws Exception {
        ProcessHandle child = childOfKilledLauncher(false);
        try {
            Thread.sleep(3000);
            assertThat(child.isAlive()).isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    /** Starts a {@link Launcher}, waits for the child it starts, kills the launcher with SIGKILL; the child's handle. */
    private ProcessHandle childOfKilledLauncher(boolean guarded) throws Exception {
        Path pidFile = dir.resolve("child.pid");
        List<String> classpath = Arrays.asList(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
        try (ChildJvm launcher = ChildJvm.start("launcher", dir, classpath, List.of("-Xmx64m"), Launcher.class.getName(),
                List.of(Boolean.toString(guarded), pidFile.toString()))) {
            launcher.awaitReady(() -> Files.exists(pidFile), Duration.ofSeconds(60), "started its child");
            Optional<ProcessHandle> child = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
            assertThat(child).isPresent();
            launcher.process().destroyForcibly().waitFor(); // SIGKILL to the launcher alone (killNow takes its children too)
            return child.get();
        }
    }

    /** Starts a child that sleeps, writes the child's pid, then waits to be killed. */
    public static final class Launcher {
        public static void main(String[] args) throws Exception {
            boolean guarded = Boolean.parseBoolean(args[0]);
            String classpath = System.getProperty("java.class.path");
            List<String> command = new ArrayList<>(List.of(ChildJvm.thisJava().toString(), "-Xmx32m", "-cp", classpath));
            if (guarded) {
                command.add(OrphanGuard.class.getName());
                command.addAll(OrphanGuard.arguments(Sleeper.class.getName(), List.of()));
            } else {
                command.add(Sleeper.class.getName());
            }
            Process child = new ProcessBuilder(command).inheritIO().start();
            // written whole, then moved into place: the test waits for the file to exist and reads it at once
            Path pidFile = Path.of(args[1]);
            Path partial = pidFile.resolveSibling(pidFile.getFileName() + ".partial");
            Files.writeString(partial, Long.toString(child.pid()));
            Files.move(partial, pidFile, StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(600_000);
        }
    }

    public static final class Sleeper {
        public static void main(String[] args) throws Exception {
            Thread.sleep(600_000);
        }
    }
}
