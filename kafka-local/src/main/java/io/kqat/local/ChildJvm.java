package io.kqat.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Java program run as a child process, its output in a file. A shutdown hook kills it (and anything it started) if
 * this JVM exits first, so a killed test run does not leave brokers behind.
 */
public final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path output;
    private final Thread reaper;

    private ChildJvm(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.reaper = new Thread(this::kill, "kqat-reap-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts {@code mainClass} with this JVM's own java binary. */
    public static ChildJvm start(String name, Path workDir, List<String> classpath, List<String> jvmArgs,
                                 String mainClass, List<String> args) {
        return start(name, workDir, classpath, jvmArgs, mainClass, args, Map.of());
    }

    /** As above, with extra environment variables (the QAT emulator's fault switches, say). */
    public static ChildJvm start(String name, Path workDir, List<String> classpath, List<String> jvmArgs,
                                 String mainClass, List<String> args, Map<String, String> env) {
        return start(thisJava(), name, workDir, classpath, jvmArgs, mainClass, args, env);
    }

    /** This JVM's own java binary. */
    public static Path thisJava() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }

    /** As above, on another Java installation ({@code javaBinary} is its {@code bin/java}). */
    public static ChildJvm start(Path javaBinary, String name, Path workDir, List<String> classpath, List<String> jvmArgs,
                                 String mainClass, List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(args);
        Path output = workDir.resolve(name + ".out");
        try {
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(env);
            Process p = builder.start();
            return new ChildJvm(name, p, output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public Process process() {
        return process;
    }

    public Path output() {
        return output;
    }

    /** Waits for the program to end by itself and returns its exit code. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException(name + " did not finish within " + timeout + "\n" + tail(40));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + name, e);
        }
    }

    /** Polls until {@code ready} holds; fails with the program's last output if it dies or takes too long. */
    public void awaitReady(BooleanSupplier ready, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited (" + process.exitValue() + ") before " + what + "\n" + tail(60));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not " + what + " after " + timeout + "\n" + tail(60));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** True when a file the program writes contains {@code text}. */
    public static boolean fileContains(Path file, String text) {
        try {
            return Files.exists(file) && Files.readString(file, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of the program's output, for failure messages. */
    public String tail(int lines) {
        return tailOf(output, lines);
    }

    /** The last lines of any file a child program writes (its log), for failure messages. */
    public static String tailOf(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return "--- last lines of " + file + " ---\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + file.getFileName() + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Kills the program and everything it started at once (SIGKILL: no shutdown hook, no clean close, as
     * {@code kill -9} does) and waits for it to be gone.
     */
    public void killNow() {
        List<ProcessHandle> started = process.descendants().collect(java.util.stream.Collectors.toList());
        process.destroyForcibly();
        started.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forgetReaper();
    }

    /** Asks the program to stop (SIGTERM), then forces it after a grace period. */
    @Override
    public void close() {
        kill();
        forgetReaper();
    }

    private void forgetReaper() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: nothing to remove.
        }
    }

    private void kill() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
