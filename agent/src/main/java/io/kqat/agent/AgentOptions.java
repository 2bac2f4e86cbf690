package io.kqat.agent;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Setting;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the hook is told at install time, from the agent's argument string ({@code mode=auto,qat.region.bytes=64m}) or
 * from a Kafka client's or broker's configuration ({@code kqat.mode=auto}). The keys are the settings schema's
 * ({@link KqatSettings}, those taken by {@link Setting.Where#AGENT}), parsed and validated there; {@code mode=off}
 * installs nothing. Unknown keys are rejected so a typo is not silently ignored.
 */
public final class AgentOptions {
    /** The one value of {@code mode} the agent takes beyond the codec's: hook nothing, Kafka runs its stock gzip. */
    public static final String OFF = "off";

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

    /** Options by key, as the agent's arguments or a configuration's {@code kqat.}-prefixed keys give them. */
    public static AgentOptions parse(Map<String, String> options) {
        CodecConfig.Builder config = CodecConfig.builder();
        boolean off = false;
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equals(KqatSettings.MODE.key()) && e.getValue().trim().equalsIgnoreCase(OFF)) {
                off = true;
            } else {
                config.set(e.getKey(), e.getValue(), Setting.Where.AGENT);
            }
        }
        return new AgentOptions(off, config.build());
    }

    @Override
    public String toString() {
        return off ? "off" : codecConfig.toString();
    }
}
