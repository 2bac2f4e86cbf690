package io.kqat.codec.backend.qat.runtime;

/**
 * How long one request may take before it is given up on: a base plus an allowance per MiB, so a hung device costs a
 * producer one short wait sized to its batch (defaults: 100 ms + 25 ms per MiB, about 0.1 s for a 64 KiB batch and
 * 0.5 s for the largest request), while a busy device has time for large requests.
 */
public final class RequestTimeouts {
    private final long baseNanos;
    private final long perMiBNanos;

    public RequestTimeouts(long baseMillis, long perMiBMillis) {
        this.baseNanos = baseMillis * 1_000_000L;
        this.perMiBNanos = perMiBMillis * 1_000_000L;
    }

    public long baseMillis() {
        return baseNanos / 1_000_000;
    }

    public long perMiBMillis() {
        return perMiBNanos / 1_000_000;
    }

    /** The timeout of a request reading and writing {@code bytes} in all. */
    public long forBytes(long bytes) {
        return baseNanos + perMiBNanos * bytes / (1 << 20);
    }

    @Override
    public String toString() {
        return baseNanos / 1_000_000 + " ms + " + perMiBNanos / 1_000_000 + " ms per MiB";
    }
}
