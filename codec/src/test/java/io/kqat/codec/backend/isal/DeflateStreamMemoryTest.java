package io.kqat.codec.backend.isal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.samples.KafkaLikeEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * igzip's stream structure lives in memory from malloc, which may hold whatever a freed block held. Fields
 * isal_deflate_stateless_init leaves alone (hist_bits) must not take those values: the ratio would silently drop.
 */
class DeflateStreamMemoryTest {

    @Test
    void aStreamInRecycledDirtyMemoryCompressesAsWellAsAFreshOne() {
        byte[] data = new KafkaLikeEvents(1).fill(1 << 20);
        for (int round = 0; round < 20; round++) {
            dirtyTheAllocator();
            try (GzipCodec codec = GzipCodec.create(CodecConfig.builder().backend("isal").level(1).build())) {
                int compressed = codec.compress(data).length;
                assertThat((double) data.length / compressed).as("ratio in round %d", round).isGreaterThan(4.0);
            }
        }
    }

    /** Leaves freed blocks the size of the stream structure full of non-zero bytes for malloc to hand out again. */
    private static void dirtyTheAllocator() {
        List<Memory> blocks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Memory m = new Memory(2L * IsalNative.ZSTREAM_SIZE);
            for (long at = 0; at < m.size(); at += 2) {
                m.setShort(at, (short) 8); // a small 16-bit value wherever a 16-bit field may sit
            }
            blocks.add(m);
        }
        blocks.forEach(Memory::close);
    }
}
