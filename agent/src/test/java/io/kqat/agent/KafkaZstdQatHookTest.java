package io.kqat.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.ZstdCodec;
import io.kqat.emulator.EmulatorControl;
import io.kqat.emulator.Emulators;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka's zstd (kafka-clients 4.4, woven in this JVM) with the QAT LZ4s rung serving on the emulated 4xxx: record
 * batches built by Kafka's producer path go to the device from the region the hook's stream wrote them into, the
 * consumer path reads them back in order, and stock Kafka (the hook off: its own zstd-jni) reads the same batches.
 */
class KafkaZstdQatHookTest {
    private final EmulatorControl emu = Emulators.control("iova");

    @BeforeAll
    static void attach() {
        KqatAgent.install(AgentOptions.parse(Map.of("mode", "software")), ByteBuddyAgent.install());
        assertThat(KafkaZstdHook.installed()).isTrue();
    }

    private static BackendStatus rung(ZstdCodec codec, String name) {
        return codec.backends().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void producerAndConsumerBatchesGoThroughTheQatLz4sRung() {
        CodecConfig config = CodecConfig.builder().setText(KqatSettings.QAT_EMULATOR, Emulators.dir("iova").toString())
                .setText(KqatSettings.QAT_TIMEOUT_MS, "5000").build();
        try (ZstdCodec qat = ZstdCodec.create(config)) {
            assertThat(qat.backendName(3)).isEqualTo("qat-lz4s");
            emu.resetCounters();
            List<MemoryRecords> built = new ArrayList<>();
            List<List<String>> sent = new ArrayList<>();
            KafkaZstdHookTest.with(qat, () -> {
                for (int b = 0; b < 8; b++) {
                    MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(1 << 20),
                            Compression.zstd().level(b % 2 == 0 ? 3 : 0).build(), TimestampType.CREATE_TIME, 100L * b);
                    sent.add(KafkaZstdHookTest.append(builder, 300 + 50 * b));
                    built.add(builder.build());
                }
                for (int b = 0; b < built.size(); b++) {
                    assertThat(KafkaZstdHookTest.readRecords(built.get(b))).as("batch %d, kqat", b)
                            .isEqualTo(sent.get(b));
                }
                return null;
            });
            for (int b = 0; b < built.size(); b++) {
                MemoryRecords records = built.get(b);
                assertThat(KafkaZstdHookTest.with(null, () -> KafkaZstdHookTest.readRecords(records)))
                        .as("batch %d, stock Kafka", b).isEqualTo(sent.get(b));
            }
            BackendStatus lz4s = rung(qat, "qat-lz4s");
            assertThat(lz4s.stats().getCompressBatches()).as("every batch on the device").isEqualTo(8);
            assertThat(emu.counter("requests")).isEqualTo(8);
            assertThat(lz4s.stats().getCompressCopiedIn()).as("batches read where the hook's stream wrote them").isZero();
            assertThat(rung(qat, "libzstd").stats().getDecompressBatches()).as("decoded by libzstd").isEqualTo(8);
        }
    }
}
