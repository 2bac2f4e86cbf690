package io.kqat.codec.scripted;

import io.kqat.codec.zstd.spi.ZstdBackend;
import io.kqat.codec.zstd.spi.ZstdCapabilities;
import io.kqat.codec.zstd.spi.ZstdDecodeStream;
import java.nio.ByteBuffer;

/**
 * A zstd rung that does what its scripts say, call by call: throw what rungs throw, or succeed through a real zstd
 * backend (libzstd), so a test can make any rung fail on any call and still get standard frames from the others.
 */
public final class ScriptedZstdBackend implements ZstdBackend {
    private final String name;
    private final ZstdCapabilities capabilities;
    private final ZstdBackend delegate;
    private final Script compressions = new Script();
    private final Script decoders = new Script();

    public ScriptedZstdBackend(String name, ZstdCapabilities capabilities, ZstdBackend delegate) {
        this.name = name;
        this.capabilities = capabilities;
        this.delegate = delegate;
    }

    /** What its compressions do. */
    public Script compressions() {
        return compressions;
    }

    /** What opening its decoders does. */
    public Script decoders() {
        return decoders;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ZstdCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public int frameBound(int inputLength) {
        return delegate.frameBound(inputLength);
    }

    @Override
    public int compress(ByteBuffer src, ByteBuffer dst, int level) {
        compressions.next();
        return delegate.compress(src, dst, Math.max(delegate.capabilities().minLevel(), level));
    }

    @Override
    public ZstdDecodeStream newDecodeStream() {
        if (!capabilities.decodes()) {
            return null;
        }
        decoders.next();
        return delegate.newDecodeStream();
    }
}
