package io.kqat.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.tools.cli.Streams;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The kqat command as a user runs it, in this JVM: one run's exit code, stdout and stderr. */
public final class Kqat {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private int exitCode;

    private Kqat() {
    }

    public static Kqat run(String... args) {
        return run(new byte[0], args);
    }

    public static Kqat run(byte[] stdin, String... args) {
        Kqat k = new Kqat();
        k.exitCode = Main.run(args, new Streams(new ByteArrayInputStream(stdin), new PrintStream(k.out, true),
                new PrintStream(k.err, true)));
        return k;
    }

    public int exitCode() {
        return exitCode;
    }

    public byte[] stdoutBytes() {
        return out.toByteArray();
    }

    public String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Asserts the exit code, showing stderr when it differs. */
    public Kqat exits(int expected) {
        assertThat(exitCode).as("exit code of kqat; stderr:%n%s", stderr()).isEqualTo(expected);
        return this;
    }

    /** Runs the {@code gzip} program on a file and returns its stdout; it must be installed. */
    public static byte[] gzip(String flags, Path file) throws Exception {
        List<String> command = new ArrayList<>(List.of("gzip", flags, file.toString()));
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("gzip is not installed: run scripts/setup-debian.sh", e);
        }
        byte[] result = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("gzip %s %s: %s", flags, file, new String(p.getErrorStream().readAllBytes()))
                .isZero();
        return result;
    }
}
