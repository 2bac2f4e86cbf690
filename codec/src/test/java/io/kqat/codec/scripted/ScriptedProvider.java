package io.kqat.codec.scripted;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.Probe;

/**
 * The provider of one {@link ScriptedBackend} (every probe gives the same backend, so a test reads its counts), or
 * of a rung that is absent. In another JVM, {@link java.util.ServiceLoader} creates it with no argument and the
 * system properties below configure it: that is how {@code scripts/stress faults} puts a throwing rung into a real
 * producer.
 */
public final class ScriptedProvider implements BackendProvider {
    /** The rung's name (default {@code scripted}). */
    public static final String NAME_PROPERTY = "kqat.scripted.name";
    /** Its rank (default 5: before every real rung). */
    public static final String RANK_PROPERTY = "kqat.scripted.rank";
    /** The script of its compressions ({@link Script#parse}), e.g. {@code error/2}. */
    public static final String DEFLATE_PROPERTY = "kqat.scripted.deflate";
    /** The script of its decompressions. */
    public static final String INFLATE_PROPERTY = "kqat.scripted.inflate";

    private final String name;
    private final int rank;
    private final ScriptedBackend backend;
    private boolean device;
    private String absentReason;

    public ScriptedProvider(String name, int rank) {
        this.name = name;
        this.rank = rank;
        this.backend = new ScriptedBackend(name);
    }

    /**
     * Configured by the system properties; at exit it prints what its compressions were given and threw
     * ({@code kqat-scripted: rung 'throwing' was given 100 compressions and threw error at 50 of them}).
     */
    public ScriptedProvider() {
        this(System.getProperty(NAME_PROPERTY, "scripted"), Integer.getInteger(RANK_PROPERTY, 5));
        backend.deflates().parse(System.getProperty(DEFLATE_PROPERTY, ""));
        backend.inflates().parse(System.getProperty(INFLATE_PROPERTY, ""));
        Script d = backend.deflates();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("kqat-scripted: rung '" + name
                + "' was given " + d.calls() + " compressions and threw " + d.thrownKinds() + " at " + d.thrown()
                + " of them")));
    }

    /** A hardware rung, which {@link io.kqat.codec.Mode#SOFTWARE} leaves out. */
    public ScriptedProvider device(boolean device) {
        this.device = device;
        return this;
    }

    /** Probes as skipped with this reason. */
    public ScriptedProvider absent(String reason) {
        this.absentReason = reason;
        return this;
    }

    public ScriptedBackend backend() {
        return backend;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public boolean device() {
        return device;
    }

    /** Named {@code jdk}, it stands in for the JDK's rung as the ladder's last resort. */
    @Override
    public boolean lastResort() {
        return "jdk".equals(name);
    }

    @Override
    public Probe probe(CodecConfig config) {
        return absentReason == null ? Probe.ready(backend) : Probe.skipped(name, absentReason);
    }
}
