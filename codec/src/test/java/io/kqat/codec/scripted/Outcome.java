package io.kqat.codec.scripted;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.spi.BackendException;
import java.util.Objects;
import java.util.function.Supplier;

/** What one call of a {@link ScriptedBackend} does: succeed (through the JDK), or throw what rungs throw. */
public final class Outcome {
    public static final Outcome SUCCEED = new Outcome("succeed", null);

    private final String kind;
    private final Supplier<? extends Throwable> thrown;

    private Outcome(String kind, Supplier<? extends Throwable> thrown) {
        this.kind = kind;
        this.thrown = thrown;
    }

    /** A device fault ({@link BackendException#deviceFault()}): counted, redone on the next rung. */
    public static Outcome deviceFault() {
        return new Outcome("fault", () -> BackendException.fault("scripted device fault"));
    }

    /** A request the rung declines without failing: the next rung takes it, no penalty. */
    public static Outcome decline() {
        return new Outcome("decline", () -> BackendException.declined("scripted: declined"));
    }

    /** Corrupt input: the caller's error, never retried. */
    public static Outcome corrupt() {
        return new Outcome("corrupt", () -> new CorruptGzipException("scripted: corrupt input"));
    }

    /** A bug in a rung. */
    public static Outcome runtime() {
        return new Outcome("runtime", () -> new IllegalStateException("scripted RuntimeException: a bug in a rung"));
    }

    public static Outcome error() {
        return new Outcome("error", () -> new Error("scripted Error"));
    }

    /** The Error a JNA rung throws when a native function went missing. */
    public static Outcome link() {
        return new Outcome("link", () -> new UnsatisfiedLinkError("scripted: a native function went missing"));
    }

    public static Outcome oom() {
        return new Outcome("oom", () -> new OutOfMemoryError("scripted: Direct buffer memory"));
    }

    /** Throws what {@code thrown} gives: a RuntimeException or an Error. */
    public static Outcome throwing(String kind, Supplier<? extends Throwable> thrown) {
        return new Outcome(kind, Objects.requireNonNull(thrown, "thrown"));
    }

    /**
     * By kind: {@code succeed}, {@code fault}, {@code decline}, {@code corrupt}, {@code runtime}, {@code error},
     * {@code link}, {@code oom}.
     */
    public static Outcome parse(String kind) {
        switch (kind) {
            case "succeed":
                return SUCCEED;
            case "fault":
                return deviceFault();
            case "decline":
                return decline();
            case "corrupt":
                return corrupt();
            case "runtime":
                return runtime();
            case "error":
                return error();
            case "link":
                return link();
            case "oom":
                return oom();
            default:
                throw new IllegalArgumentException("unknown outcome '" + kind
                        + "' (succeed, fault, decline, corrupt, runtime, error, link, oom)");
        }
    }

    public String kind() {
        return kind;
    }

    public boolean succeeds() {
        return thrown == null;
    }

    /** Returns when the outcome is success, else throws. */
    void happen() {
        if (thrown == null) {
            return;
        }
        Throwable t = thrown.get();
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        throw new IllegalStateException("a rung throws only unchecked exceptions", t);
    }

    @Override
    public String toString() {
        return kind;
    }
}
