package io.kqat.codec.scripted;

import io.kqat.codec.backend.jdk.JdkBackend;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.InflateStream;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;

/**
 * A rung whose every call first does what its direction's {@link Script} says, then, when that is success, the JDK's
 * work: the one fault-injecting backend of the tests (and of the stress faults mode, through {@link ScriptedProvider}).
 * It inflates whole streams, and piece by piece once {@link #streaming()} is called (each piece doing what
 * {@link #pieces()} says).
 */
public final class ScriptedBackend implements Backend {
    private final String name;
    private final JdkBackend jdk = new JdkBackend();
    private final Script deflates = new Script();
    private final Script inflates = new Script();
    private final Script pieces = new Script();
    private volatile boolean streaming;

    public ScriptedBackend(String name) {
        this.name = name;
    }

    /** What compressions do, and how many there were. */
    public Script deflates() {
        return deflates;
    }

    /** What decompressions do, and how many there were. */
    public Script inflates() {
        return inflates;
    }

    /** What each call of its piece-by-piece inflaters does, and how many there were. */
    public Script pieces() {
        return pieces;
    }

    /** Offers piece-by-piece inflaters from now on. */
    public ScriptedBackend streaming() {
        streaming = true;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StagingMemory staging() {
        return StagingMemory.ANY;
    }

    @Override
    public int deflateBound(int inputLength) {
        return jdk.deflateBound(inputLength);
    }

    @Override
    public Deflated deflate(ByteBuffer src, ByteBuffer dst, int level) {
        deflates.next();
        return jdk.deflate(src, dst, level);
    }

    @Override
    public Inflated inflate(ByteBuffer src, ByteBuffer dst) {
        inflates.next();
        return jdk.inflate(src, dst);
    }

    @Override
    public InflateStream newInflateStream() {
        if (!streaming) {
            return null;
        }
        InflateStream inner = jdk.newInflateStream();
        return new InflateStream() {
            @Override
            public void reset() {
                inner.reset();
            }

            @Override
            public boolean inflate(ByteBuffer src, ByteBuffer dst) {
                pieces.next();
                return inner.inflate(src, dst);
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }
}
