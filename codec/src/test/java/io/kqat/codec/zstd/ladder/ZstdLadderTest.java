package io.kqat.codec.zstd.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatException;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Mode;
import io.kqat.codec.ZstdCodec;
import io.kqat.codec.scripted.Outcome;
import io.kqat.codec.scripted.ScriptedZstdProvider;
import io.kqat.codec.zstd.engine.LadderZstdCodecFactory;
import io.kqat.codec.zstd.libzstd.LibzstdProvider;
import io.kqat.samples.KafkaLikeEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The zstd ladder with a scripted device-like rung (levels 1-12, as QAT) above libzstd: routing by level, fallback,
 * breakers, counters, the stored-block last resort, and the settings that shape it.
 */
class ZstdLadderTest {
    private static final byte[] DATA = new KafkaLikeEvents(5).fill(200_000);

    private static ScriptedZstdProvider device() {
        return new ScriptedZstdProvider("fake-qat", 10, 1, 12, false).device(true);
    }

    private static ZstdCodec codec(CodecConfig config, ScriptedZstdProvider... extra) {
        List<io.kqat.codec.zstd.spi.ZstdBackendProvider> providers = new java.util.ArrayList<>(List.of(extra));
        providers.add(new LibzstdProvider());
        return LadderZstdCodecFactory.create(config, providers);
    }

    private static BackendStatus rung(ZstdCodec codec, String name) {
        return codec.backends().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theDeviceServesItsLevelsAndSoftwareTheRest() {
        try (ZstdCodec codec = codec(CodecConfig.defaults(), device())) {
            assertThat(codec.routes()).isEqualTo("levels -131072..-1: libzstd; levels 1..12: fake-qat > libzstd; "
                    + "levels 13..22: libzstd; decompress: libzstd");
            assertThat(codec.backendName(3)).isEqualTo("fake-qat");
            assertThat(codec.backendName(0)).as("0 is level 3").isEqualTo("fake-qat");
            assertThat(codec.backendName(13)).isEqualTo("libzstd");
            assertThat(codec.backendName(-1)).isEqualTo("libzstd");
            assertThat(rung(codec, "fake-qat").compresses(12)).isTrue();
            assertThat(rung(codec, "fake-qat").compresses(13)).isFalse();
            assertThat(rung(codec, "fake-qat").inflates()).isFalse();
        }
    }

    @Test
    void aRequestTheDeviceFailsIsRedoneOnTheNextRungAndFiveFaultsOpenItsBreaker() {
        ScriptedZstdProvider device = device();
        device.backend().compressions().always(Outcome.deviceFault());
        try (ZstdCodec codec = codec(CodecConfig.defaults(), device)) {
            for (int i = 0; i < 7; i++) {
                assertThat(Zstd.decompress(codec.compress(DATA, 3), DATA.length)).isEqualTo(DATA);
            }
            BackendStatus qat = rung(codec, "fake-qat");
            assertThat(qat.stats().getErrors()).as("two more calls went elsewhere: the breaker is open").isEqualTo(5);
            assertThat(qat.stats().getFallbacks()).isEqualTo(7);
            assertThat(qat.circuitOpen()).isTrue();
            assertThat(rung(codec, "libzstd").stats().getCompressBatches()).isEqualTo(7);
            assertThat(device.backend().compressions().calls()).isEqualTo(5);
        }
    }

    @Test
    void aDeclinedRequestOrABugInARungLosesNothing() {
        ScriptedZstdProvider device = device();
        device.backend().compressions().then(Outcome.decline()).then(Outcome.runtime()).then(Outcome.link());
        try (ZstdCodec codec = codec(CodecConfig.defaults(), device)) {
            for (int i = 0; i < 4; i++) {
                assertThat(Zstd.decompress(codec.compress(DATA, 5), DATA.length)).isEqualTo(DATA);
            }
            assertThat(rung(codec, "fake-qat").stats().getErrors()).as("a decline is no fault").isEqualTo(2);
            assertThat(rung(codec, "fake-qat").stats().getCompressBatches()).isEqualTo(1);
        }
    }

    @Test
    void whenEveryRungFailsTheBatchIsWrittenAsStoredBlocksThatAnyDecoderReads() throws IOException {
        ScriptedZstdProvider only = new ScriptedZstdProvider("flaky", 40, ZstdCodec.MIN_LEVEL, ZstdCodec.MAX_LEVEL, true);
        only.backend().compressions().always(Outcome.deviceFault());
        try (ZstdCodec codec = LadderZstdCodecFactory.create(CodecConfig.defaults(), List.of(only))) {
            byte[] big = new KafkaLikeEvents(1).fill(300_000);
            byte[] stored = codec.compress(big, 3);
            assertThat(stored.length).as("stored, not compressed").isGreaterThan(big.length);
            assertThat(Zstd.decompress(stored, big.length)).isEqualTo(big);
            assertThat(codec.decompress(stored)).isEqualTo(big);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream batch = codec.batchOutputStream(out, 3)) {
                batch.write(new byte[0]);
            }
            assertThat(Zstd.decompress(out.toByteArray(), 0)).isEmpty();
            assertThat(codec.counters().lastResortBatches()).isEqualTo(2);
        }
    }

    @Test
    void aDecoderThatCannotOpenIsSkippedWithoutPenaltyToTheInput() throws IOException {
        ScriptedZstdProvider decoding = new ScriptedZstdProvider("decoder", 10, 1, 12, true);
        decoding.backend().decoders().then(Outcome.deviceFault());
        try (ZstdCodec codec = codec(CodecConfig.defaults(), decoding)) {
            assertThat(codec.routes()).endsWith("decompress: decoder > libzstd");
            byte[] frame = Zstd.compress(DATA, 3);
            try (InputStream in = codec.batchInputStream(ByteBuffer.wrap(frame))) {
                assertThat(in.readAllBytes()).isEqualTo(DATA);
            }
            assertThat(rung(codec, "decoder").stats().getErrors()).isEqualTo(1);
            assertThat(rung(codec, "libzstd").stats().getDecompressBatches()).isEqualTo(1);
        }
    }

    @Test
    void zstdModeAndZstdBackendShapeTheLadder() {
        try (ZstdCodec codec = codec(CodecConfig.builder().set(KqatSettings.ZSTD_MODE, "software").build(), device())) {
            assertThat(rung(codec, "fake-qat").skipReason()).isEqualTo("zstd.mode software");
            assertThat(codec.backendName(3)).isEqualTo("libzstd");
        }
        try (ZstdCodec codec = codec(CodecConfig.builder().mode(Mode.SOFTWARE).build(), device())) {
            assertThat(rung(codec, "fake-qat").skipReason()).as("unset, zstd.mode follows mode").isEqualTo("zstd.mode software");
        }
        try (ZstdCodec codec = codec(CodecConfig.builder().mode(Mode.JDK).build(), device())) {
            assertThat(codec.backendName(3)).as("mode jdk: the JDK has no zstd").isEqualTo(ZstdCodec.STOCK);
            assertThat(codec.decodes()).isFalse();
            assertThat(codec.routes()).isEqualTo("levels -131072..22: stock; decompress: stock");
            assertThatThrownBy(() -> codec.batchInputStream(ByteBuffer.wrap(Zstd.compress(DATA, 3))))
                    .isInstanceOf(KqatException.class);
        }
        try (ZstdCodec codec = codec(CodecConfig.builder().set(KqatSettings.ZSTD_BACKEND, "libzstd").build(), device())) {
            assertThat(rung(codec, "fake-qat").skipReason()).isEqualTo("zstd.backend 'libzstd' was requested");
        }
        assertThatThrownBy(() -> codec(CodecConfig.builder().set(KqatSettings.ZSTD_BACKEND, "zlib").build()))
                .hasMessageContaining("unknown zstd backend 'zlib'");
        assertThatThrownBy(() -> codec(CodecConfig.builder().set(KqatSettings.ZSTD_MODE, "qat").build(),
                device().absent("no LZ4s instance"))).hasMessageContaining("zstd.mode qat").hasMessageContaining("no LZ4s instance");
        try (ZstdCodec codec = codec(CodecConfig.builder().set(KqatSettings.ZSTD_MODE, "qat").build(), device())) {
            assertThat(codec.backendName(3)).isEqualTo("fake-qat");
        }
    }
}
