package io.kqat.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one launch of a cluster node runs with: stock Kafka, or Kafka with the kqat agent (in software, or on the QAT
 * emulator), and its environment. A node can be restarted with another setup (the rolling upgrade and downgrade).
 */
public final class BrokerSetup {
    private final String name;
    private final String agentOptions;
    private final Path emulatorDir;
    private final Map<String, String> env;

    private BrokerSetup(String name, String agentOptions, Path emulatorDir, Map<String, String> env) {
        this.name = name;
        this.agentOptions = agentOptions;
        this.emulatorDir = emulatorDir;
        this.env = Map.copyOf(env);
    }

    /** Kafka as shipped: no agent. */
    public static BrokerSetup stock() {
        return new BrokerSetup("stock", null, null, Map.of());
    }

    /** The agent with these options ({@code mode=auto}, say). */
    public static BrokerSetup kqat(String agentOptions) {
        return new BrokerSetup("kqat", agentOptions, null, Map.of());
    }

    /** The agent in {@code mode=qat} on the emulator variant in {@code emulatorDir}: every batch on the "device". */
    public static BrokerSetup kqatOnEmulator(Path emulatorDir) {
        return new BrokerSetup("kqat-qat", "mode=qat,qat.emulator=" + emulatorDir, emulatorDir, Map.of());
    }

    /** This setup with one more environment variable (an emulator knob, say). */
    public BrokerSetup env(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(env);
        more.put(key, value);
        return new BrokerSetup(name, agentOptions, emulatorDir, more);
    }

    /** {@code stock}, {@code kqat} or {@code kqat-qat}. */
    public String name() {
        return name;
    }

    public boolean hasAgent() {
        return agentOptions != null;
    }

    /** The emulator directory the agent uses, or null when it uses none. */
    public Path emulatorDir() {
        return emulatorDir;
    }

    Map<String, String> env() {
        return env;
    }

    List<String> jvmArgs(KafkaRuntimes runtimes) {
        List<String> args = new ArrayList<>();
        if (agentOptions != null) {
            args.add("-javaagent:" + runtimes.agentJar() + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        }
        return args;
    }

    @Override
    public String toString() {
        return name;
    }
}
