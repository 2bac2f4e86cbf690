package io.kqat.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.ZstdCodec;
import io.kqat.emulator.Emulators;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Map;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With zstd.mode auto the hook starts on kqat's software rungs only (no QAT library touched: LazyStartTest shows a JVM
 * that never compresses takes no VF) and moves to the whole ladder, QAT LZ4s first, after the first zstd batch, which
 * libzstd serves meanwhile.
 */
class ZstdLazyStartTest {

    @BeforeAll
    static void attach() {
        KqatAgent.install(AgentOptions.parse(Map.of("mode", "software")), ByteBuddyAgent.install());
    }

    @Test
    void theQatRungsStartAfterTheFirstZstdBatch() throws Exception {
        CodecConfig config = CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, Emulators.dir("iova").toString())
                .setText(KqatSettings.QAT_TIMEOUT_MS, "5000").build();
        ZstdCodec before = KafkaZstdHook.current();
        java.util.List<ZstdCodec> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            assertThat(KafkaZstdHook.reinstall(config, c -> {
                ZstdCodec z = ZstdCodec.create(c);
                made.add(z);
                return z;
            }, c -> {
                ZstdCodec z = ZstdCodec.createUntilFirstBatch(c);
                made.add(z);
                return z;
            })).isTrue();
            assertThat(KafkaZstdHook.current().backendName(3)).as("software until the first batch").isEqualTo("libzstd");
            for (String qat : new String[] {"qat-zstd", "qat-lz4s"}) {
                String why = KafkaZstdHook.current().backends().stream().filter(b -> b.name().equals(qat)).findFirst()
                        .orElseThrow().skipReason();
                assertThat(why).as("the mode is auto: the rung waits for the first batch, it is not left out")
                        .startsWith("starts at the first zstd batch, off its path (zstd.mode auto: the ladder starts "
                                + "lazily").doesNotContain("zstd.mode software");
            }
            try (OutputStream out = KafkaZstdHook.wrapForOutput(new ByteArrayOutputStream(), 3)) {
                out.write("the first zstd batch".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"qat-lz4s".equals(KafkaZstdHook.current().backendName(3)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(KafkaZstdHook.current().backendName(3)).as("the whole ladder after it").isEqualTo("qat-lz4s");
        } finally {
            KafkaZstdHook.serve(before); // its beans too
            made.forEach(ZstdCodec::close); // and QAT leaves this JVM again
        }
    }
}
