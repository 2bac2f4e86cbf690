package io.kqat.tools.devicetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.ZstdCodec;
import org.junit.jupiter.api.Test;

/** The read-back the zstd checks rest on: a frame that is corrupt, or decodes to other bytes, fails the check. */
class ZstdBatchesTest {
    private static ZstdCodec libzstd() {
        return ZstdCodec.create(CodecConfig.builder().set(KqatSettings.ZSTD_MODE, "software").build());
    }

    @Test
    void aGoodFrameReadsBackAndACorruptedOneFailsTheCheck() {
        try (ZstdCodec codec = libzstd()) {
            byte[] records = ZstdBatches.records("events", 100_000);
            byte[] frame = ZstdBatches.frame(codec, records, 3);
            ZstdBatches.readBack(codec, frame, records, "good");

            byte[] corrupted = frame.clone();
            corrupted[corrupted.length / 2] ^= 0x5A;
            assertThatThrownBy(() -> ZstdBatches.readBack(codec, corrupted, records, "corrupted"))
                    .isInstanceOf(AssertionError.class).hasMessageStartingWith("corrupted: zstd-jni");

            byte[] other = records.clone();
            other[7] ^= 1;
            assertThatThrownBy(() -> ZstdBatches.readBack(codec, ZstdBatches.frame(codec, other, 3), records, "other"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("other: zstd-jni decodes the frame to other bytes");
        }
    }

    @Test
    void theFrameHeaderSaysWhatTheWriterDeclared() {
        byte[] records = ZstdBatches.records("runs", 300_000);
        ZstdFrameHeader h = ZstdFrameHeader.parse(Zstd.compress(records, 3));
        assertThat(h.describe()).isEqualTo("content size, single segment, no checksum, no dictionary id");
        assertThat(h.blocks()).isEqualTo(3);
        assertThat(h.largestBlock()).isLessThanOrEqualTo(128 << 10);
        assertThatThrownBy(() -> ZstdFrameHeader.parse(new byte[] {1, 2, 3, 4, 5, 6}))
                .isInstanceOf(AssertionError.class).hasMessageContaining("magic");
    }
}
