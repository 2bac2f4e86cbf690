package io.kqat.stress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options of one mode; an unknown option is a usage error (exit 2). */
public final class Args {
    /** A usage error: the message and the usage text are printed, the exit code is 2. */
    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();

    public Args(String[] argv, String... known) {
        List<String> allowed = Arrays.asList(known);
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--") || !allowed.contains(a.substring(2))) {
                throw new UsageException("unknown option '" + a + "' (known: --" + String.join(", --", allowed) + ")");
            }
            if (i + 1 >= argv.length) {
                throw new UsageException(a + " needs a value");
            }
            values.put(a.substring(2), argv[++i]);
        }
    }

    public long number(String name, long defaultValue) {
        String v = values.get(name);
        try {
            return v == null ? defaultValue : Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    public String string(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /** A comma-separated list, empty when absent. */
    public List<String> list(String name) {
        String v = values.get(name);
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }
}
