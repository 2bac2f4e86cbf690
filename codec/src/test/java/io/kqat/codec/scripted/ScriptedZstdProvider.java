package io.kqat.codec.scripted;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.zstd.libzstd.LibzstdProvider;
import io.kqat.codec.zstd.spi.ZstdBackend;
import io.kqat.codec.zstd.spi.ZstdBackendProvider;
import io.kqat.codec.zstd.spi.ZstdCapabilities;
import io.kqat.codec.zstd.spi.ZstdProbe;

/** The provider of one {@link ScriptedZstdBackend} (every probe gives the same one, so a test reads its scripts). */
public final class ScriptedZstdProvider implements ZstdBackendProvider {
    private final String name;
    private final int rank;
    private final ScriptedZstdBackend backend;
    private boolean device;
    private String absentReason;

    /** A rung compressing at {@code minLevel..maxLevel}, decoding or not, succeeding through libzstd. */
    public ScriptedZstdProvider(String name, int rank, int minLevel, int maxLevel, boolean decodes) {
        this.name = name;
        this.rank = rank;
        ZstdCapabilities caps = ZstdCapabilities.compressing(minLevel, maxLevel);
        ZstdBackend libzstd = new LibzstdProvider().probe(CodecConfig.defaults()).backend();
        this.backend = new ScriptedZstdBackend(name, decodes ? caps.decoding() : caps, libzstd);
    }

    public ScriptedZstdProvider device(boolean device) {
        this.device = device;
        return this;
    }

    /** Probes as skipped with this reason. */
    public ScriptedZstdProvider absent(String reason) {
        this.absentReason = reason;
        return this;
    }

    public ScriptedZstdBackend backend() {
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

    @Override
    public ZstdProbe probe(CodecConfig config) {
        return absentReason != null ? ZstdProbe.skipped(name, absentReason) : ZstdProbe.ready(backend);
    }
}
