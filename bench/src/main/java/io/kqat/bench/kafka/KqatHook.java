package io.kqat.bench.kafka;

import io.kqat.agent.AgentOptions;
import io.kqat.agent.KafkaGzipHook;
import io.kqat.agent.KafkaZstdHook;
import io.kqat.agent.KqatAgent;
import io.kqat.codec.BackendStatus;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.ZstdCodec;
import io.kqat.local.KafkaRuntimes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Installs kqat's Kafka hook in this JVM only: JMH forks one JVM per parameter combination, so the forks that measure
 * kqat rows get the hook and the stock rows' forks never see it. The QAT rows run on the project's QAT emulator (its
 * data path, not a device's speed).
 */
final class KqatHook {
    private KqatHook() {
    }

    /**
     * Hooks Kafka's gzip with {@code backend} forced, or with the default ladder for {@link KafkaCodec#DEFAULT_LADDER};
     * fails when a forced backend cannot serve {@code level}.
     */
    static GzipCodec install(String backend, int level) {
        boolean forced = !backend.equals(KafkaCodec.DEFAULT_LADDER);
        Map<String, String> options = codecOptions(backend);
        if (forced) {
            options.put(KqatSettings.BACKEND.key(), backend);
        }
        AgentOptions parsed = AgentOptions.parse(options);
        KqatAgent.install(parsed, ByteBuddyAgent.install());
        KafkaGzipHook.install(parsed.codecConfig());
        GzipCodec codec = KafkaGzipHook.startNow(); // the hook starts at the first batch; measure none of that
        BackendStatus status = forced ? codec.backend(backend) : null;
        if (forced && (status == null || !status.compresses(level))) {
            throw new IllegalStateException("kqat backend " + backend + " does not compress level " + level);
        }
        return codec;
    }

    /** Hooks Kafka's zstd with {@code backend} forced (gzip is hooked too, as by the agent, and unused here). */
    static ZstdCodec installZstd(String backend, int level) {
        Map<String, String> options = codecOptions(backend);
        options.put(KqatSettings.ZSTD_BACKEND.key(), backend);
        AgentOptions parsed = AgentOptions.parse(options);
        KqatAgent.install(parsed, ByteBuddyAgent.install());
        ZstdCodec codec = ZstdCodec.shared(parsed.codecConfig());
        if (!KafkaZstdHook.installed() || !codec.backendName(level).equals(backend)) {
            throw new IllegalStateException("kqat zstd backend " + backend + " does not compress level " + level);
        }
        return codec;
    }

    /** The emulator option ({@code qat.emulator}) for the QAT rows, or nothing. */
    static Map<String, String> codecOptions(String backend) {
        Map<String, String> options = new LinkedHashMap<>();
        if (backend.startsWith("qat")) {
            Path emulator = KafkaRuntimes.locate().emulatorDir("iova");
            if (emulator == null) {
                throw new IllegalStateException("the QAT rows need the emulator: build the qat-emulator module");
            }
            options.put(KqatSettings.QAT_EMULATOR.key(), emulator.toString());
        }
        return options;
    }
}
