package io.kqat.codec.scripted;

import io.kqat.codec.backend.jdk.JdkBackend;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;

/**
 * A rung whose every call first does what its direction's {@link Script} says, then, when that is success, the JDK's
 * work: the one fault-injecting backend of the tests (and of the stress faults mode, through {@link ScriptedProvider}).
 * It inflates whole streams only.
 */
public final class ScriptedBackend implements Backend {
    private final String name;
    private final JdkBackend jdk = new JdkBackend();
    private final Script deflates = new Script();
    private final Script inflates = new Script();

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
}
