package io.kqat.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kqat.emulator.Emulators;
import io.kqat.samples.KafkaLikeEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every setting of the schema changes what the codec does, on every path it is documented for: each has a probe here
 * that builds a codec with it and observes the effect. A setting added to the schema without a probe fails
 * {@link #everySettingHasAProbe}; the front-end tests then prove each front end hands every setting it accepts on.
 */
class SettingsTakeEffectTest {
    private static final byte[] DATA = new KafkaLikeEvents(5).fill(300_000);

    @TempDir
    static Path temp;

    interface Probe {
        void run() throws Exception;
    }

    private static final Map<Setting<?>, Probe> PROBES = new LinkedHashMap<>();

    static {
        PROBES.put(KqatSettings.MODE, () -> {
            try (GzipCodec codec = codec(CodecConfig.builder().mode(Mode.JDK))) {
                assertThat(codec.backendName()).isEqualTo("jdk");
                assertThat(codec.decompressBackendName()).isEqualTo("jdk");
            }
        });
        PROBES.put(KqatSettings.BACKEND, () -> {
            try (GzipCodec codec = codec(CodecConfig.builder().backend("libdeflate"))) {
                assertThat(codec.backendName()).isEqualTo("libdeflate");
                assertThat(codec.decompressBackendName()).as("chosen by name, it decodes too").isEqualTo("libdeflate");
            }
        });
        PROBES.put(KqatSettings.LEVEL, () -> {
            try (GzipCodec fast = codec(CodecConfig.builder().mode(Mode.JDK).level(1));
                 GzipCodec small = codec(CodecConfig.builder().mode(Mode.JDK).level(9))) {
                assertThat(small.compress(DATA).length).as("level 9 beside level 1").isLessThan(fast.compress(DATA).length);
            }
        });
        PROBES.put(KqatSettings.MAX_DECOMPRESSED_BYTES, SettingsTakeEffectTest::boundHoldsOnEveryPath);
        PROBES.put(KqatSettings.DECODE_STRICT, () -> {
            try (GzipCodec codec = codec(CodecConfig.builder().mode(Mode.SOFTWARE).strictDecode(true))) {
                assertThat(codec.backend("isal").ready()).isTrue();
                assertThat(codec.backend("isal").inflates()).isFalse();
                assertThat(codec.decompressBackendName()).isEqualTo("jdk");
            }
        });
        PROBES.put(KqatSettings.NATIVE_MEMORY_BYTES, () -> {
            // 128 batch reads open at once, 1 MiB windows each: far beyond 16 MiB, so the bound holds them back.
            long[] small = NativeMemoryProbe.run(temp, 16L << 20);
            assertThat(small[0]).as("the bound in effect").isEqualTo(16L << 20);
            assertThat(small[1]).as("native memory at its peak").isLessThanOrEqualTo(16L << 20);
            assertThat(small[2]).as("reservations refused at the bound").isPositive();
            long[] large = NativeMemoryProbe.run(temp, 1L << 30);
            assertThat(large[1]).as("the same reads under a 1 GiB bound").isGreaterThan(16L << 20);
        });
        PROBES.put(KqatSettings.QAT_EMULATOR, () -> {
            try (GzipCodec codec = codec(emulated())) {
                assertThat(codec.backendName()).isEqualTo("qat");
            }
        });
        PROBES.put(KqatSettings.QAT_VFIO_DIR, () -> {
            Path none = temp.resolve("no-vfio");
            try (GzipCodec codec = codec(emulated().set(KqatSettings.QAT_VFIO_DIR, none.toString()))) {
                assertThat(codec.backend("qat").skipReason()).contains(none.toString());
            }
        });
        PROBES.put(KqatSettings.QAT_SYSFS_ROOT, () -> {
            Path root = temp.resolve("sys");
            Path parameter = root.resolve("module/vfio/parameters/enable_unsafe_noiommu_mode");
            Files.createDirectories(parameter.getParent());
            Files.writeString(parameter, "Y\n");
            try (GzipCodec codec = codec(emulated().set(KqatSettings.QAT_SYSFS_ROOT, root.toString()))) {
                assertThat(codec.backend("qat").skipReason()).contains("no-IOMMU").contains(parameter.toString());
            }
        });
        PROBES.put(KqatSettings.QAT_SECTION, () -> {
            try (GzipCodec codec = codec(emulated().set(KqatSettings.QAT_SECTION, "KQAT_TEST"))) {
                assertThat(codec.backend("qat").detail().summary()).contains("section KQAT_TEST");
            }
        });
        PROBES.put(KqatSettings.QAT_TIMEOUT_MS, () -> {
            try (GzipCodec codec = codec(emulated().set(KqatSettings.QAT_TIMEOUT_MS, 1234L))) {
                assertThat(codec.backend("qat").detail().figure("timeoutBaseMs")).isEqualTo(1234);
            }
        });
        PROBES.put(KqatSettings.QAT_TIMEOUT_PER_MIB_MS, () -> {
            try (GzipCodec codec = codec(emulated().set(KqatSettings.QAT_TIMEOUT_PER_MIB_MS, 77L))) {
                assertThat(codec.backend("qat").detail().figure("timeoutPerMiBMs")).isEqualTo(77);
            }
        });
        PROBES.put(KqatSettings.QAT_REGION_BYTES, () -> {
            try (GzipCodec codec = codec(emulated().set(KqatSettings.QAT_REGION_BYTES, 6L << 20))) {
                assertThat(codec.backend("qat").detail().figure("regionBytes")).isEqualTo(6L << 20);
            }
        });
        PROBES.put(KqatSettings.QAT_COMPLETION, () -> {
            try (GzipCodec events = codec(emulated())) {
                assertThat(events.backend("qat").detail().figure("eventDriven")).as("auto, on 26.08").isEqualTo(1);
            }
            try (GzipCodec polled = codec(emulated().set(KqatSettings.QAT_COMPLETION, "poll"))) {
                assertThat(polled.backend("qat").detail().figure("eventDriven")).isZero();
                assertThat(polled.backend("qat").detail().summary()).contains("completions polled").contains("qat.completion=poll");
            }
        });
        PROBES.put(KqatSettings.QAT_COALESCING_NS, () -> {
            try (GzipCodec codec = codec(emulated().set(KqatSettings.QAT_COALESCING_NS, 5000L))) {
                assertThat(codec.backend("qat").detail().figure("coalescingNs")).as("as the device holds it: 19 x 256 ns")
                        .isEqualTo(4864);
            }
            try (GzipCodec codec = codec(emulated())) {
                assertThat(codec.backend("qat").detail().figure("coalescingNs")).as("qatlib's default").isEqualTo(9984);
            }
        });
        PROBES.put(KqatSettings.ZSTD_MODE, () -> {
            try (ZstdCodec on = ZstdCodec.create(CodecConfig.defaults());
                 ZstdCodec off = ZstdCodec.create(CodecConfig.builder().set(KqatSettings.ZSTD_MODE, "off").build())) {
                assertThat(on.backendName(3)).isEqualTo("libzstd");
                assertThat(off.backendName(3)).isEqualTo(ZstdCodec.STOCK);
                assertThat(off.decodes()).isFalse();
            }
        });
        PROBES.put(KqatSettings.ZSTD_BACKEND, () -> {
            try (ZstdCodec codec = ZstdCodec.create(CodecConfig.builder().set(KqatSettings.ZSTD_BACKEND, "libzstd").build())) {
                assertThat(codec.backendName(3)).isEqualTo("libzstd");
            }
            assertThatThrownBy(() -> ZstdCodec.create(CodecConfig.builder().set(KqatSettings.ZSTD_BACKEND, "qat-lz4s").build()))
                    .hasMessageContaining("zstd backend 'qat-lz4s'");
        });
    }

    private static CodecConfig.Builder emulated() {
        return CodecConfig.builder().set(KqatSettings.QAT_EMULATOR, Emulators.dir("iova").toString())
                .set(KqatSettings.QAT_REGION_BYTES, 4L << 20);
    }

    private static GzipCodec codec(CodecConfig.Builder b) {
        return GzipCodec.create(b.build());
    }

    /** The bound on a buffer, on a stream and on a Kafka batch; a batch has none unless it is set. */
    private static void boundHoldsOnEveryPath() throws IOException {
        byte[] gz;
        try (GzipCodec unbounded = codec(CodecConfig.builder().mode(Mode.SOFTWARE))) {
            gz = unbounded.compress(DATA);
            try (InputStream batch = unbounded.batchInputStream(ByteBuffer.wrap(gz))) {
                assertThat(batch.readAllBytes()).as("a batch with no bound set").isEqualTo(DATA);
            }
        }
        try (GzipCodec bounded = codec(CodecConfig.builder().mode(Mode.SOFTWARE).maxDecompressedBytes(100_000))) {
            assertThatThrownBy(() -> bounded.decompress(gz)).isInstanceOf(OutputLimitExceededException.class);
            assertThatThrownBy(() -> bounded.inputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes())
                    .hasCauseInstanceOf(OutputLimitExceededException.class);
            Throwable batch = catchThrowable(() -> {
                try (InputStream records = bounded.batchInputStream(ByteBuffer.wrap(gz))) {
                    records.readAllBytes();
                }
            });
            assertThat(batch instanceof OutputLimitExceededException || batch != null
                    && batch.getCause() instanceof OutputLimitExceededException).as("the Kafka batch path: " + batch).isTrue();
        }
        byte[] zstd;
        try (ZstdCodec unbounded = ZstdCodec.create(CodecConfig.defaults())) {
            zstd = unbounded.compress(DATA, 3);
        }
        try (ZstdCodec bounded = ZstdCodec.create(CodecConfig.builder().maxDecompressedBytes(100_000).build())) {
            assertThatThrownBy(() -> bounded.decompress(zstd)).isInstanceOf(OutputLimitExceededException.class);
            assertThatThrownBy(() -> {
                try (InputStream records = bounded.batchInputStream(ByteBuffer.wrap(zstd))) {
                    records.readAllBytes();
                }
            }).as("the Kafka zstd batch path").satisfies(t -> assertThat(t instanceof OutputLimitExceededException
                    || t.getCause() instanceof OutputLimitExceededException).isTrue());
        }
    }

    @Test
    void everySettingHasAProbe() {
        assertThat(PROBES.keySet()).containsExactlyInAnyOrderElementsOf(KqatSettings.ALL);
    }

    @Test
    void everySettingChangesWhatTheCodecDoes() throws Exception {
        for (Map.Entry<Setting<?>, Probe> e : PROBES.entrySet()) {
            try {
                e.getValue().run();
            } catch (AssertionError | Exception failure) {
                throw new AssertionError("setting " + e.getKey().key() + " accepted but without effect: "
                        + failure.getMessage(), failure);
            }
        }
    }
}
