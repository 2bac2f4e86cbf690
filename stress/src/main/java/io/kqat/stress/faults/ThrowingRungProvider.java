package io.kqat.stress.faults;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.FaultyProvider;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.Probe;
import java.util.function.Supplier;

/**
 * The codec tests' {@link FaultyProvider} made loadable by {@link java.util.ServiceLoader} in a real producer: a
 * public no-argument class whose fault is chosen by the system property {@value #PROPERTY} ({@code error},
 * {@code runtime}, {@code oom}). It ranks first, so every batch starts on it and every compression on it throws.
 * At exit it prints how many compressions it was given, so a run shows the fault was really hit.
 */
public final class ThrowingRungProvider implements BackendProvider {
    public static final String PROPERTY = "kqat.stress.fault";
    public static final String NAME = "throwing";
    private static final int RANK = 5;

    private final FaultyProvider faulty = new FaultyProvider(NAME, RANK);

    public ThrowingRungProvider() {
        String kind = System.getProperty(PROPERTY, "runtime");
        faulty.fault = fault(kind);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(
                "kqat-stress: rung '" + NAME + "' was given " + faulty.deflates + " compressions and threw " + kind + " on each")));
    }

    static Supplier<? extends Throwable> fault(String kind) {
        switch (kind) {
            case "error":
                return () -> new Error("kqat-stress: injected Error at close");
            case "oom":
                return () -> new OutOfMemoryError("kqat-stress: injected OutOfMemoryError at close");
            case "runtime":
                return () -> new IllegalStateException("kqat-stress: injected RuntimeException at close");
            default:
                throw new IllegalArgumentException(PROPERTY + " must be error, runtime or oom, got '" + kind + "'");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return RANK;
    }

    @Override
    public Probe probe(CodecConfig config) {
        return faulty.probe(config);
    }
}
