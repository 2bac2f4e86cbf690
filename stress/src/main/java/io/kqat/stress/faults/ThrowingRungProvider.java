package io.kqat.stress.faults;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.FaultyProvider;
import io.kqat.codec.backend.jdk.JdkBackend;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.Probe;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The codec tests' {@link FaultyProvider} made loadable by {@link java.util.ServiceLoader} in a real producer: a
 * public no-argument class whose fault is chosen by the system property {@value #PROPERTY} ({@code error},
 * {@code runtime}, {@code oom}). It ranks first, so every batch starts on it. Every {@value #EVERY_PROPERTY}-th
 * compression (default 2) goes to the faulty rung and throws; the others are served by the JDK, so consecutive
 * failures never reach the breaker's threshold and the fault keeps being hit all run long (1: every compression
 * throws, and the breaker opens after five). At exit it prints what it was given and threw.
 */
public final class ThrowingRungProvider implements BackendProvider {
    public static final String PROPERTY = "kqat.stress.fault";
    public static final String EVERY_PROPERTY = "kqat.stress.fault.every";
    public static final String NAME = "throwing";
    private static final int RANK = 5;

    private final FaultyProvider faulty = new FaultyProvider(NAME, RANK);
    private final AtomicLong compressions = new AtomicLong();
    private final long every = Long.getLong(EVERY_PROPERTY, 2);

    public ThrowingRungProvider() {
        String kind = System.getProperty(PROPERTY, "runtime");
        faulty.fault = fault(kind);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("kqat-stress: rung '" + NAME
                + "' was given " + compressions.get() + " compressions and threw " + kind + " at " + faulty.deflates + " of them")));
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
        Backend throwing = faulty.probe(config).backend();
        JdkBackend jdk = new JdkBackend();
        return Probe.ready(new Backend() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public StagingMemory staging() {
                return throwing.staging();
            }

            @Override
            public int deflateBound(int inputLength) {
                return throwing.deflateBound(inputLength);
            }

            @Override
            public Deflated deflate(ByteBuffer src, ByteBuffer dst, int level) {
                return compressions.incrementAndGet() % every == 0 ? throwing.deflate(src, dst, level) : jdk.deflate(src, dst, level);
            }

            @Override
            public Inflated inflate(ByteBuffer src, ByteBuffer dst) {
                return jdk.inflate(src, dst);
            }
        });
    }
}
