package io.kqat.local.e2e;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} arguments of the e2e child programs; {@code --client.X value} is passed to Kafka as X. */
final class ChildArgs {
    private final Map<String, String> values = new LinkedHashMap<>();

    ChildArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    static List<String> toArgs(Map<String, String> values) {
        return values.entrySet().stream().flatMap(e -> java.util.stream.Stream.of("--" + e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.toList());
    }

    String string(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    long number(String name) {
        return Long.parseLong(string(name));
    }

    Path path(String name) {
        return Paths.get(string(name));
    }

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
