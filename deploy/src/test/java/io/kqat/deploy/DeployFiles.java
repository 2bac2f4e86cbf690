package io.kqat.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.kqat.local.KafkaRuntimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files of the deploy folder, read as an operator's tools read them (YAML documents, JSON). */
public final class DeployFiles {
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    public static final ObjectMapper JSON = new ObjectMapper();

    private DeployFiles() {
    }

    /** The deploy folder of this checkout. */
    public static Path dir() {
        return KafkaRuntimes.locate().home().resolve("deploy");
    }

    /** The version being built (the release's file names carry it). */
    public static String version() {
        return System.getProperty("kqat.version", "0.1.0-SNAPSHOT");
    }

    /** The release the dist module built: target/release (the archives) and target/deploy (the recipes filled in). */
    public static Path dist(String relative) {
        Path p = KafkaRuntimes.locate().home().resolve("dist/target").resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError(p + " is missing: build the dist module (mvn -B -ntp -Prelease package -pl dist -am)");
        }
        return p;
    }

    public static Path file(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError(p + " is missing");
        }
        return p;
    }

    /** Every document of a YAML file ({@code ---} separated), empty documents left out. */
    public static List<JsonNode> yamlDocuments(Path file) {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return docs;
    }

    /** The one document of a YAML file. */
    public static JsonNode yaml(Path file) {
        List<JsonNode> docs = yamlDocuments(file);
        if (docs.size() != 1) {
            throw new AssertionError(file + " should hold one YAML document, holds " + docs.size());
        }
        return docs.get(0);
    }

    public static ObjectNode json(Path file) {
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A file's lines, empty when it cannot be read. */
    public static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A loopback port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** A program on the PATH, or an error naming the Debian package to install (never a skip). */
    public static Path program(String name, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(name + " is not installed: install Debian's " + debianPackage
                + " package (scripts/setup-debian.sh does)");
    }

    /** A fresh work directory under target/. */
    public static Path workDir(String name) {
        try {
            Path base = Path.of("target", "work");
            Files.createDirectories(base);
            return Files.createTempDirectory(base.toAbsolutePath(), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
