package io.kqat.local;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** Formats a KRaft node's storage with Kafka's own {@code kafka.tools.StorageTool}, as its own short-lived JVM. */
final class StorageFormat {
    private StorageFormat() {
    }

    /** Runs {@code StorageTool args} (its log in {@code workDir/storage-tool.log}); fails with its output when it fails. */
    static void run(Path workDir, List<String> classpath, List<String> args) {
        List<String> toolArgs = List.of("-Xmx256m", "-XX:+UseSerialGC", Log4j2Config.write(workDir.resolve("storage-tool.log")));
        try (ChildJvm format = ChildJvm.start("storage-tool", workDir, classpath, toolArgs, "kafka.tools.StorageTool", args)) {
            int exit = format.waitFor(Duration.ofSeconds(60));
            if (exit != 0) {
                throw new IllegalStateException("formatting the broker's storage failed (" + exit + ")\n" + format.tail(40));
            }
        }
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding. */
    static String randomClusterId() {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        id[0] &= 0x7f; // keep clear of the reserved all-zero and negative-looking ids
        id[0] |= 0x10;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
