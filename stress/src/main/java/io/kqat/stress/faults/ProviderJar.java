package io.kqat.stress.faults;

import io.kqat.codec.FaultyProvider;
import io.kqat.codec.spi.BackendProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Writes the small jar a producer gets next to the agent: {@link ThrowingRungProvider}, the codec tests'
 * {@link FaultyProvider} (with their inner classes), and the {@code META-INF/services} entry naming the provider.
 */
final class ProviderJar {
    private ProviderJar() {
    }

    static Path write(Path dir) {
        Path jar = dir.resolve("throwing-rung.jar");
        try {
            Files.createDirectories(dir);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new JarEntry("META-INF/services/" + BackendProvider.class.getName()));
                out.write((ThrowingRungProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                for (Class<?> c : new Class<?>[] {ThrowingRungProvider.class, FaultyProvider.class}) {
                    addClass(out, c, "");
                    for (int i = 1; i < 10; i++) {
                        addClass(out, c, "$" + i); // anonymous classes (the Backends); absent ones are skipped
                    }
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addClass(JarOutputStream out, Class<?> c, String suffix) throws IOException {
        String name = c.getName().replace('.', '/') + suffix + ".class";
        try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return;
            }
            out.putNextEntry(new JarEntry(name));
            in.transferTo((OutputStream) out);
        }
        for (Class<?> inner : suffix.isEmpty() ? c.getDeclaredClasses() : new Class<?>[0]) {
            addClass(out, inner, "");
        }
    }
}
