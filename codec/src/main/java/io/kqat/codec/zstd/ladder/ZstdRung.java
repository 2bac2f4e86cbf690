package io.kqat.codec.zstd.ladder;

import io.kqat.codec.ladder.LadderStep;
import io.kqat.codec.zstd.spi.ZstdBackend;

/** One step of the zstd ladder: a zstd backend with the gzip ladder's counters and breakers, or why it was skipped. */
public final class ZstdRung extends LadderStep<ZstdBackend> {
    ZstdRung(String name, int rank, boolean device, ZstdBackend backend, String skipReason) {
        super(name, rank, device, backend, skipReason);
    }
}
