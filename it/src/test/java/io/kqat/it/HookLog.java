package io.kqat.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.local.KafkaRuntimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** What the kqat agent says it hooked, read from a child JVM's output: exactly one class, the right one for its Kafka. */
final class HookLog {
    static final String GZIP_COMPRESSION = "org.apache.kafka.common.compress.GzipCompression";
    static final String GZIP_CONSTANT = "org.apache.kafka.common.record.CompressionType$2";

    private HookLog() {
    }

    /** The class kqat hooks in a runtime's kafka-clients. */
    static String hookedClass(String clientsRuntime) {
        switch (clientsRuntime) {
            case KafkaRuntimes.CLIENTS_2_8:
            case KafkaRuntimes.CLIENTS_3_7:
                return GZIP_CONSTANT;
            case KafkaRuntimes.CLIENTS_3_7_SHADED:
                return relocated(GZIP_CONSTANT);
            case KafkaRuntimes.CLIENTS_SHADED:
                return relocated(GZIP_COMPRESSION);
            default:
                return GZIP_COMPRESSION;
        }
    }

    static String relocated(String kafkaClass) {
        return KafkaRuntimes.SHADED_KAFKA_PACKAGE + kafkaClass.substring("org.apache.kafka".length());
    }

    /** The JVM's output names one hooked class, {@code className}; before 3.8 it also says the level is 6. */
    static void assertHookedOnly(Path output, String className) {
        List<String> hooked = lines(output).stream().filter(l -> l.contains("kqat: hooked ")).collect(Collectors.toList());
        assertThat(hooked).as("kqat's hook lines in %s", output).hasSize(1);
        assertThat(hooked.get(0)).contains("kqat: hooked " + className);
        if (className.endsWith(".common.record.CompressionType$2")) {
            assertThat(hooked.get(0)).contains("no compression.gzip.level").contains("level 6");
        }
    }

    /** The output of a workload JVM named {@code name} in {@code work}. */
    static Path output(Path work, String name) {
        return work.resolve(name + ".out");
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
