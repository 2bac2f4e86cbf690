package io.kqat.it;

import io.kqat.local.KafkaRuntimes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The packaged Connect plugin archive, unpacked into a plugin.path directory, and the files connectors write. */
final class PluginArchive {
    private PluginArchive() {
    }

    static Path locate(KafkaRuntimes runtimes) throws IOException {
        Path target = runtimes.home().resolve("connect-plugin/target");
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("kqat-connect-plugin-.*\\.zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("no plugin archive in " + target + ": build connect-plugin"));
        }
    }

    /** Unpacks the archive into {@code pluginPath} (one subdirectory per plugin, as Connect expects). */
    static void unpack(Path archive, Path pluginPath) throws IOException {
        try (ZipFile z = new ZipFile(archive.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                Path target = pluginPath.resolve(entry.getName()).normalize();
                if (!target.startsWith(pluginPath)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = z.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }

    /** Lines in a file a sink connector writes (0 before it exists). */
    static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var s = Files.lines(file)) {
            return s.count();
        }
    }
}
