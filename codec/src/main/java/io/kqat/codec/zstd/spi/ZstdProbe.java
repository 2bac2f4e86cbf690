package io.kqat.codec.zstd.spi;

/** Outcome of probing one zstd provider: a ready backend, or the reason its rung is skipped. */
public final class ZstdProbe {
    private final String name;
    private final ZstdBackend backend;
    private final String reason;

    private ZstdProbe(String name, ZstdBackend backend, String reason) {
        this.name = name;
        this.backend = backend;
        this.reason = reason;
    }

    public static ZstdProbe ready(ZstdBackend backend) {
        return new ZstdProbe(backend.name(), backend, null);
    }

    public static ZstdProbe skipped(String name, String reason) {
        return new ZstdProbe(name, null, reason);
    }

    public String name() {
        return name;
    }

    /** The backend, or null when skipped. */
    public ZstdBackend backend() {
        return backend;
    }

    /** Why the rung is skipped, or null when ready. */
    public String reason() {
        return reason;
    }
}
