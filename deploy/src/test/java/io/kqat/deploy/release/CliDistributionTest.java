package io.kqat.deploy.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.deploy.DeployFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command line from the release, as a user installs it: kqat-cli-VERSION.tar.gz unpacked with tar into a clean
 * directory outside the checkout, run through bin/kqat (directly and through a symbolic link) with an environment that
 * has Java and the base system only: no Maven, no checkout, no kqat.home.
 */
class CliDistributionTest {
    private static final String V = DeployFiles.version();
    private static Path home;
    private static Path clean;

    @BeforeAll
    static void unpack() throws Exception {
        clean = Files.createTempDirectory("kqat-cli-");
        run(clean, null, "tar", "-xzf", DeployFiles.dist("release/kqat-cli-" + V + ".tar.gz").toString());
        home = clean.resolve("kqat-" + V);
    }

    /** The jars in the archive's lib/ (read from the archive itself). */
    static List<String> libraryJars() throws Exception {
        List<String> jars = new ArrayList<>();
        for (String entry : run(Path.of("."), null, "tar", "-tzf",
                DeployFiles.dist("release/kqat-cli-" + V + ".tar.gz").toString()).split("\n")) {
            if (entry.startsWith("kqat-" + V + "/lib/") && entry.endsWith(".jar")) {
                jars.add(entry.substring(entry.lastIndexOf('/') + 1));
            }
        }
        return jars;
    }

    @Test
    void itHasTheLauncherItsLibrariesAndNoEmulator() throws Exception {
        assertThat(Files.isExecutable(home.resolve("bin/kqat"))).isTrue();
        assertThat(Files.readString(home.resolve("bin/kqat"))).as("the launcher builds nothing").doesNotContain("mvn");
        assertThat(libraryJars()).contains("kqat-tools-" + V + ".jar", "kqat-codec-" + V + ".jar")
                .noneMatch(j -> j.startsWith("kafka-clients") || j.startsWith("byte-buddy") || j.startsWith("kqat-agent"));
        assertThat(home.resolve("share/doctor-report.schema.json")).exists();
        try (var files = Files.walk(home)) {
            assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(".so") || p.contains("libqat"));
        }
    }

    @Test
    void versionAndARoundTripThroughGzipWork() throws Exception {
        assertThat(kqat("-V")).startsWith("kqat " + V);
        Path in = clean.resolve("in.txt");
        Files.writeString(in, "kqat from a release ".repeat(5000));
        kqat("compress", "--input", in.toString(), "--output", clean.resolve("in.txt.gz").toString());
        assertThat(run(clean, null, "gzip", "-dc", clean.resolve("in.txt.gz").toString()))
                .isEqualTo(Files.readString(in));
    }

    @Test
    void doctorRunsAndNamesEveryCheck() throws Exception {
        String json = kqat("doctor", "--json");
        assertThat(DeployFiles.JSON.readTree(json).path("selfTest").asText()).startsWith("ok");
        assertThat(DeployFiles.JSON.readTree(json).path("checks")).hasSize(6);
    }

    @Test
    void itRunsThroughASymbolicLinkToo() throws Exception {
        Path links = Files.createDirectories(clean.resolve("links"));
        Files.createSymbolicLink(links.resolve("kqat"), home.resolve("bin/kqat"));
        assertThat(run(clean, links.resolve("kqat").toString(), "-V")).startsWith("kqat " + V);
    }

    @Test
    void theEmulatorIsNamedAsNotPartOfTheRelease() throws Exception {
        Process p = start(clean, home.resolve("bin/kqat").toString(), "doctor", "--emulator");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(err).contains("not with the release");
    }

    private static String kqat(String... args) throws Exception {
        return run(clean, home.resolve("bin/kqat").toString(), args);
    }

    /** Runs a program in {@code dir} with only Java and the base system on the PATH; its stdout; fails on exit != 0. */
    private static String run(Path dir, String program, String... args) throws Exception {
        Process p = start(dir, program, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("%s %s: %s", program, List.of(args), err).isZero();
        return out;
    }

    private static Process start(Path dir, String program, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (program != null) {
            command.add(program);
        }
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = b.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", dir.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return b.start();
    }
}
