package io.kqat.stress.child;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** {@code --name value} arguments of the child programs, and the properties file each writes as its report. */
final class ChildArgs {
    private final Map<String, String> values = new HashMap<>();

    ChildArgs(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(args[i].substring(2), args[i + 1]);
        }
    }

    String string(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    /** The value, or null when absent. */
    String optional(String name) {
        return values.get(name);
    }

    long number(String name, long defaultValue) {
        String v = values.get(name);
        return v == null ? defaultValue : Long.parseLong(v);
    }

    Path path(String name) {
        return Paths.get(string(name));
    }

    static void write(Path file, Properties p) {
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "kqat stress child report");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
