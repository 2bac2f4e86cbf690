package io.kqat.codec.spi;

/** Outcome of probing one provider: a ready backend, or the reason its rung is skipped. */
public final class Probe {
    private final String name;
    private final Backend backend;
    private final String reason;

    private Probe(String name, Backend backend, String reason) {
        this.name = name;
        this.backend = backend;
        this.reason = reason;
    }

    public static Probe ready(Backend backend) {
        return new Probe(backend.name(), backend, null);
    }

    public static Probe skipped(String name, String reason) {
        return new Probe(name, null, reason);
    }

    public String name() {
        return name;
    }

    /** The backend, or null when skipped. */
    public Backend backend() {
        return backend;
    }

    /** Why the rung is skipped, or null when ready. */
    public String reason() {
        return reason;
    }

    public boolean isReady() {
        return backend != null;
    }
}
