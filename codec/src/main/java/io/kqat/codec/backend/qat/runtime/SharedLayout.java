package io.kqat.codec.backend.qat.runtime;

import io.kqat.codec.backend.qat.memory.SlotArena;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The exact layout of the state this copy of kqat shares with other copies in the process ({@link ProcessRuntime}):
 * a SHA-256 of the class files of every class that makes, reads or writes it, which is all of the runtime and memory
 * packages. Nobody keeps it by hand: two builds share only when that code is byte for byte the same (javac's output is
 * deterministic, and the agent jar keeps these classes as compiled), so a changed slot size, bitmap, record or meaning
 * of a counter refuses sharing instead of being misread. A copy whose classes cannot be read gets a fingerprint of its
 * own, so it shares with nobody.
 */
final class SharedLayout {
    private static final String[] PACKAGES = {
        SharedLayout.class.getPackageName().replace('.', '/'),
        SlotArena.class.getPackageName().replace('.', '/')};

    private static final String FINGERPRINT = compute();

    private SharedLayout() {
    }

    /** {@code sha256:<first 16 bytes in hex>}, or {@code unreadable:<random>} (then it matches no other copy). */
    static String fingerprint() {
        return FINGERPRINT;
    }

    /** Where this copy's classes come from, to name it in a refusal. */
    static String origin() {
        CodeSource source = SharedLayout.class.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "(unknown location)" : source.getLocation().toString();
    }

    private static String compute() {
        try {
            return "sha256:" + digest(classFiles());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unreadable:" + UUID.randomUUID();
        }
    }

    private static String digest(List<String> classFiles) throws IOException {
        if (classFiles.isEmpty()) {
            throw new IOException("no class files found");
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        ClassLoader loader = SharedLayout.class.getClassLoader();
        for (String name : classFiles) {
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException(name + " not readable");
                }
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update(in.readAllBytes());
            }
        }
        StringBuilder hex = new StringBuilder();
        byte[] d = sha.digest();
        for (int i = 0; i < 16; i++) {
            hex.append(String.format("%02x", d[i]));
        }
        return hex.toString();
    }

    /** The class files of {@link #PACKAGES} in this copy's jar or directory, sorted. */
    static List<String> classFiles() throws IOException, URISyntaxException {
        CodeSource source = SharedLayout.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Collections.emptyList();
        }
        Path location = Paths.get(source.getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            for (String pkg : PACKAGES) {
                Path dir = location.resolve(pkg);
                try (Stream<Path> files = Files.list(dir)) {
                    names.addAll(files.map(f -> pkg + "/" + f.getFileName()).filter(n -> n.endsWith(".class"))
                            .collect(Collectors.toList()));
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (JarEntry e : Collections.list(jar.entries())) {
                    String n = e.getName();
                    int slash = n.lastIndexOf('/');
                    if (n.endsWith(".class") && slash > 0 && List.of(PACKAGES).contains(n.substring(0, slash))) {
                        names.add(n);
                    }
                }
            }
        }
        Collections.sort(names);
        return names;
    }
}
