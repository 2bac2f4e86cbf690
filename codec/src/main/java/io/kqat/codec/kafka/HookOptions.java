package io.kqat.codec.kafka;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.Mode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the hook is told at install time, from the agent's argument string ({@code mode=auto,regionBytes=64m}) or from a
 * Kafka client's configuration ({@code kqat.mode=auto}). Unknown keys are rejected so a typo is not silently ignored.
 *
 * <ul>
 *   <li>{@code mode}: auto | qat | software | jdk | off (off installs nothing: Kafka runs its stock gzip)</li>
 *   <li>{@code backend}: force one backend by name (tests and diagnosis)</li>
 *   <li>{@code regionBytes}: size of the QAT region, with an optional k/m/g suffix</li>
 *   <li>{@code emulator}: directory of the QAT emulator libraries, used instead of the system qatlib</li>
 *   <li>{@code maxDecompressedBytes}: bound on one batch's decompressed size before the hook hands it to Kafka's
 *       streaming decoder</li>
 *   <li>{@code qat.*}: passed to the QAT backend as they are ({@code qat.timeout.ms}, {@code qat.vfio.dir},
 *       {@code qat.section})</li>
 * </ul>
 */
public record HookOptions(boolean off, CodecConfig codecConfig) {

    public static HookOptions defaults() {
        return parse(Map.of());
    }

    /** Parses {@code k=v,k=v} as given after {@code -javaagent:kqat-agent.jar=}. */
    public static HookOptions parseAgentArgs(String args) {
        Map<String, String> map = new LinkedHashMap<>();
        if (args != null && !args.isBlank()) {
            for (String part : args.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("kqat agent option '" + part + "' is not key=value");
                }
                map.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return parse(map);
    }

    public static HookOptions parse(Map<String, String> options) {
        CodecConfig.Builder config = CodecConfig.builder();
        boolean off = false;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "mode" -> {
                    if (v.equalsIgnoreCase("off")) {
                        off = true;
                    } else {
                        config.mode(Mode.parse(v));
                    }
                }
                case "backend" -> config.backend(v);
                case "regionBytes" -> config.option("qat.region.bytes", Long.toString(parseSize(v)));
                case "emulator" -> config.option("qat.emulator", v);
                case "maxDecompressedBytes" -> config.maxDecompressedBytes(parseSize(v));
                default -> {
                    if (!e.getKey().startsWith("qat.")) {
                        throw new IllegalArgumentException("unknown kqat option '" + e.getKey()
                                + "' (known: mode, backend, regionBytes, emulator, maxDecompressedBytes, qat.*)");
                    }
                    config.option(e.getKey(), v);
                }
            }
        }
        return new HookOptions(off, config.build());
    }

    static long parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a positive size (e.g. 65536, 64k, 64m, 1g)");
        }
    }
}
