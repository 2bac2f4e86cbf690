package io.kqat.tools.doctor.container;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the checks read of the machine or container they run in: system files (/proc, /sys/fs/cgroup, /run) under a
 * root, the environment, and whether a device node opens. The real one reads "/" and this process' environment; tests
 * give a directory and a map.
 */
public final class Host {
    private final Path root;
    private final Map<String, String> env;
    private final Function<Path, String> opener;

    /**
     * @param opener tries to open a device node for reading and writing; returns null when it opens, else the error
     */
    public Host(Path root, Map<String, String> env, Function<Path, String> opener) {
        this.root = root;
        this.env = Map.copyOf(env);
        this.opener = opener;
    }

    /** This process' own view. */
    public static Host system() {
        return new Host(Path.of("/"), System.getenv(), Host::openReadWrite);
    }

    /** A system file, e.g. {@code /proc/self/limits}, under this host's root. */
    public Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    /** The lines of a system file, empty when it cannot be read. */
    public List<String> lines(String absolute) {
        return lines(path(absolute));
    }

    public static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The first line of a file, trimmed, or empty. */
    public static Optional<String> firstLine(Path file) {
        List<String> l = lines(file);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0).trim());
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name));
    }

    /** The device plugin's QAT0, QAT1, ... variables (one VF's PCI address each). */
    public List<String> devicePluginVfs() {
        List<String> vfs = new ArrayList<>();
        for (int i = 0; env.containsKey("QAT" + i); i++) {
            vfs.add(env.get("QAT" + i));
        }
        return vfs;
    }

    public boolean exists(String absolute) {
        return Files.exists(path(absolute));
    }

    /** The entries of a directory, sorted by name; empty when it is absent. */
    public static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Null when the node opens for reading and writing, else why not (the system's words). */
    public String open(Path node) {
        return opener.apply(node);
    }

    private static String openReadWrite(Path node) {
        try (RandomAccessFile f = new RandomAccessFile(node.toFile(), "rw")) {
            return null;
        } catch (IOException e) {
            String m = e.getMessage();
            int paren = m == null ? -1 : m.lastIndexOf('(');
            return paren >= 0 && m.endsWith(")") ? m.substring(paren + 1, m.length() - 1) : String.valueOf(m);
        }
    }
}
