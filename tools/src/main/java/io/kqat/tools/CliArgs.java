package io.kqat.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line arguments: {@code --name value}, {@code --name=value}, bare {@code --flag}s, and positional operands.
 * Every option must be one the command declared, so a typo fails instead of being ignored.
 */
public final class CliArgs {
    private final Map<String, String> options = new HashMap<>();
    private final List<String> operands = new ArrayList<>();

    /**
     * @param valued options that take a value
     * @param flags options that take none (a flag may also be given as {@code --flag=value})
     */
    public CliArgs(String[] args, Set<String> valued, Set<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.equals("--")) {
                operands.add(a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
            } else if (flags.contains(name)) {
                value = value == null ? "" : value;
            } else {
                throw new UsageException("unknown option --" + name);
            }
            options.put(name, value);
        }
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public String get(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }

    public int getInt(String name, int defaultValue) {
        String v = options.get(name);
        try {
            return v == null ? defaultValue : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    public double getDouble(String name, double defaultValue) {
        String v = options.get(name);
        try {
            return v == null ? defaultValue : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
    }

    public List<String> operands() {
        return operands;
    }

    /** Wrong usage: printed with the command's help, exit code 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
