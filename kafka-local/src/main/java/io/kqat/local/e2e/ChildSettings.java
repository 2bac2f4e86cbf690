package io.kqat.local.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What {@link E2eRun} tells a child program, as a properties file whose path is the child's only argument: the
 * dataset, the record count, where to report, and the Kafka client's whole configuration under {@code kafka.}.
 */
final class ChildSettings {
    static final String KAFKA_PREFIX = "kafka.";

    private final Properties values;

    private ChildSettings(Properties values) {
        this.values = values;
    }

    static void write(Path file, Map<String, String> settings) {
        Properties p = new Properties();
        p.putAll(settings);
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "kqat e2e child settings");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChildSettings load(String[] argv) {
        if (argv.length != 1) {
            throw new IllegalArgumentException("expected one argument, the settings file written by E2eRun");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Paths.get(argv[0]))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChildSettings(p);
    }

    String string(String key) {
        String v = values.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("setting '" + key + "' is missing");
        }
        return v;
    }

    /** A setting that may be absent: false then. */
    boolean flag(String key) {
        return Boolean.parseBoolean(values.getProperty(key));
    }

    long number(String key) {
        return Long.parseLong(string(key));
    }

    Path report() {
        return Paths.get(string("report"));
    }

    /** The dataset's record values, in order. */
    List<byte[]> values() {
        return DatasetRecords.read(Paths.get(string("dataset")));
    }

    /** The Kafka client's configuration: every {@code kafka.X} setting as X. */
    Map<String, Object> kafkaConfig() {
        return values.stringPropertyNames().stream().filter(k -> k.startsWith(KAFKA_PREFIX))
                .collect(Collectors.toMap(k -> k.substring(KAFKA_PREFIX.length()), values::getProperty));
    }
}
