package io.kqat.agent;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.Mode;
import io.kqat.codec.backend.qat.QatOptions;
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
 *   <li>{@code maxDecompressedBytes}: bound on one batch's decompressed size</li>
 *   <li>{@code strictDecode}: true decodes only as strictly as zlib (a broker that must refuse what stock refuses)</li>
 *   <li>{@code qat.*}: passed to the QAT backend as they are (keys in {@link QatOptions})</li>
 * </ul>
 */
public final class AgentOptions {
    public static final String MODE = "mode";
    public static final String BACKEND = "backend";
    public static final String REGION_BYTES = "regionBytes";
    public static final String EMULATOR = "emulator";
    public static final String MAX_DECOMPRESSED_BYTES = "maxDecompressedBytes";
    public static final String STRICT_DECODE = "strictDecode";

    private final boolean off;
    private final CodecConfig codecConfig;

    private AgentOptions(boolean off, CodecConfig codecConfig) {
        this.off = off;
        this.codecConfig = codecConfig;
    }

    /** True for {@code mode=off}: hook nothing. */
    public boolean off() {
        return off;
    }

    public CodecConfig codecConfig() {
        return codecConfig;
    }

    public static AgentOptions defaults() {
        return parse(new LinkedHashMap<>());
    }

    /** Parses {@code k=v,k=v} as given after {@code -javaagent:kqat-agent.jar=}. */
    public static AgentOptions parseAgentArgs(String args) {
        Map<String, String> map = new LinkedHashMap<>();
        if (args != null && !args.trim().isEmpty()) {
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

    public static AgentOptions parse(Map<String, String> options) {
        CodecConfig.Builder config = CodecConfig.builder();
        boolean off = false;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey();
            String v = e.getValue();
            if (key.equals(MODE)) {
                if (v.equalsIgnoreCase("off")) {
                    off = true;
                } else {
                    config.mode(Mode.parse(v));
                }
            } else if (key.equals(BACKEND)) {
                config.backend(v);
            } else if (key.equals(REGION_BYTES)) {
                config.option(QatOptions.REGION_BYTES, Long.toString(parseSize(v)));
            } else if (key.equals(EMULATOR)) {
                config.option(QatOptions.EMULATOR, v);
            } else if (key.equals(MAX_DECOMPRESSED_BYTES)) {
                config.maxDecompressedBytes(parseSize(v));
            } else if (key.equals(STRICT_DECODE)) {
                config.option(CodecConfig.STRICT_DECODE, Boolean.toString(Boolean.parseBoolean(v)));
            } else if (QatOptions.KEYS.contains(key)) {
                config.option(key, v);
            } else {
                throw new IllegalArgumentException("unknown kqat option '" + key + "' (known: " + MODE + ", " + BACKEND
                        + ", " + REGION_BYTES + ", " + EMULATOR + ", " + MAX_DECOMPRESSED_BYTES + ", " + STRICT_DECODE + ", "
                        + QatOptions.KEYS + ")");
            }
        }
        return new AgentOptions(off, config.build());
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

    @Override
    public String toString() {
        return off ? "off" : codecConfig.toString();
    }
}
