package io.kqat.codec.ladder;

import io.kqat.codec.spi.Backend;

/** One step of the gzip ladder: a gzip backend, its counters and breakers, or why it was skipped. */
public final class Rung extends LadderStep<Backend> {
    Rung(String name, int rank, boolean device, Backend backend, String skipReason) {
        super(name, rank, device, backend, skipReason);
    }
}
