package io.kqat.codec;

import io.kqat.codec.backend.jdk.JdkBackend;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.BackendProvider;
import io.kqat.codec.spi.Probe;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/** A rung that compresses with the JDK until told to throw something instead (tests of this and other modules). */
public final class FaultyProvider implements BackendProvider {
    final String name;
    final int rank;
    public volatile Supplier<? extends Throwable> fault;
    public volatile int deflates;
    public volatile int inflates;

    public FaultyProvider(String name, int rank) {
        this.name = name;
        this.rank = rank;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int rank() {
        return rank;
    }

    /** Named {@code jdk}, it stands in for the JDK's rung as the ladder's last resort. */
    @Override
    public boolean lastResort() {
        return "jdk".equals(name);
    }

    @Override
    public Probe probe(CodecConfig config) {
        JdkBackend jdk = new JdkBackend();
        return Probe.ready(new Backend() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StagingMemory staging() {
                return StagingMemory.ANY;
            }

            @Override
            public int deflateBound(int n) {
                return jdk.deflateBound(n);
            }

            @Override
            public Deflated deflate(ByteBuffer src, ByteBuffer dst, int level) {
                deflates++;
                Supplier<? extends Throwable> f = fault;
                if (f != null) {
                    Throwable t = f.get();
                    if (t instanceof RuntimeException) {
                        throw (RuntimeException) t;
                    }
                    throw (Error) t;
                }
                return jdk.deflate(src, dst, level);
            }

            @Override
            public Inflated inflate(ByteBuffer src, ByteBuffer dst) {
                inflates++;
                return jdk.inflate(src, dst);
            }
        });
    }
}
