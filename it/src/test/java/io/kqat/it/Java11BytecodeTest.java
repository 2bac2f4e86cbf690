package io.kqat.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.KafkaRuntimes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Everything kqat ships into a user's JVM loads on Java 11: every class of the agent jar (kqat, its relocated Byte
 * Buddy, JNA), of the codec jar and of every jar in the Connect plugin archive has a class-file version of at most 55.
 * Tests and tools may be newer; they are not shipped into Kafka's JVMs.
 */
class Java11BytecodeTest {
    private static final Path HOME = KafkaRuntimes.locate().home();

    @Test
    void theAgentJarLoadsOnJava11() throws IOException {
        assertLoadsOnJava11(HOME.resolve("agent/target/kqat-agent.jar"), 1000);
    }

    @Test
    void theCodecJarLoadsOnJava11() throws IOException {
        assertLoadsOnJava11(built("codec/target", "kqat-codec-*.jar"), 50);
    }

    @Test
    void everyJarInTheConnectPluginArchiveLoadsOnJava11() throws IOException {
        ClassFileVersions found = assertLoadsOnJava11(built("connect-plugin/target", "kqat-connect-plugin-*.zip"), 200);
        assertThat(found.classes()).as("classes read inside the archive's jars").isGreaterThan(200);
    }

    @Test
    void theCheckRejectsAJava17ClassButAcceptsItAsAJava17MultiReleaseEntry() throws IOException {
        byte[] java17Class = ownClassFile();
        assertThat(java17Class[7] & 0xff).as("this test is compiled for Java 17").isEqualTo(61);
        byte[] jar = jarOf(List.of("a/Old.class", "META-INF/versions/17/a/Old.class"), java17Class);

        ClassFileVersions found = new ClassFileVersions(ClassFileVersions.JAVA_11).scan("test.jar", new ByteArrayInputStream(jar));

        assertThat(found.classes()).isEqualTo(2);
        assertThat(found.tooNew()).containsExactly("test.jar!/a/Old.class has class-file version 61 (Java 17)");
    }

    private static ClassFileVersions assertLoadsOnJava11(Path archive, int minClasses) throws IOException {
        assertThat(archive).as("build the project first (mvn -B -ntp package -DskipTests)").isRegularFile();
        ClassFileVersions found = new ClassFileVersions(ClassFileVersions.JAVA_11);
        try (InputStream in = Files.newInputStream(archive)) {
            found.scan(archive.getFileName().toString(), in);
        }
        assertThat(found.tooNew()).as("classes in %s that Java 11 cannot load", archive).isEmpty();
        assertThat(found.classes()).as("classes read in %s", archive).isGreaterThan(minClasses);
        return found;
    }

    /** The one file matching {@code glob} in {@code dir} (sources and test jars aside). */
    private static Path built(String dir, String glob) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(HOME.resolve(dir), glob)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (!name.endsWith("-sources.jar") && !name.endsWith("-tests.jar")) {
                    found.add(p);
                }
            }
        }
        assertThat(found).as("%s/%s (build the project first)", dir, glob).hasSize(1);
        return found.get(0);
    }

    private static byte[] ownClassFile() throws IOException {
        try (InputStream in = Java11BytecodeTest.class.getResourceAsStream("Java11BytecodeTest.class")) {
            return in.readAllBytes();
        }
    }

    private static byte[] jarOf(List<String> names, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
