package io.kqat.local.workload;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} arguments of the workload programs. */
final class WorkloadArgs {
    private final Map<String, String> values = new HashMap<>();

    WorkloadArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    String string(String name, String defaultValue) {
        String v = values.getOrDefault(name, defaultValue);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    long number(String name, long defaultValue) {
        return Long.parseLong(string(name, Long.toString(defaultValue)));
    }

    Path path(String name) {
        return Paths.get(string(name, null));
    }

    /** {@code --client.X value} entries, passed to the Kafka client as X. */
    Map<String, Object> clientOverrides() {
        Map<String, Object> out = new HashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("client.")) {
                out.put(k.substring("client.".length()), v);
            }
        });
        return out;
    }
}
