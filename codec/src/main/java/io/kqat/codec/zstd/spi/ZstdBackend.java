package io.kqat.codec.zstd.spi;

import io.kqat.codec.BackendDetail;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;

/**
 * One zstd engine that turns a whole batch into standard zstd frames and back. A rung built from a sequence source
 * (QAT's LZ4s, turned into {@link Sequences} and entropy-coded by libzstd) is one too, so the ladder sees only frames.
 *
 * <p>Buffer contract: both buffers are direct (native memory; the engine stages anything else, once, counted), and a
 * backend with memory of its own ({@link #inputMemory()}, {@link #outputMemory()}: a QAT device's mapped region) gets
 * only buffers in it, staged the same way; each method reads {@code src} from its position to its limit and writes
 * {@code dst} from its position, advancing both. Implementations are thread-safe.
 */
public interface ZstdBackend extends AutoCloseable {

    /** Short stable name used in configuration, metrics and logs: {@code libzstd}, later {@code qat-lz4s}, {@code qat-zstd}. */
    String name();

    /** Levels it compresses at and whether it decodes: facts only, the ladder decides who serves what. */
    ZstdCapabilities capabilities();

    /** Upper bound of what {@link #compress} writes for {@code inputLength} bytes at any level. */
    int frameBound(int inputLength);

    /**
     * Compresses all remaining bytes of {@code src} into standard zstd frames.
     *
     * @param level a level its capabilities include (zstd's scale, 0 already mapped to the default)
     * @return bytes written
     * @throws io.kqat.codec.spi.BackendException when it cannot serve the request (the ladder falls back)
     */
    int compress(ByteBuffer src, ByteBuffer dst, int level);

    /**
     * The memory {@link #compress} reads its input from, when it cannot read any direct buffer (a device reads only
     * memory mapped for it); null: any direct buffer. The engine copies other input into a lease of it, counted.
     */
    default StagingMemory inputMemory() {
        return null;
    }

    /** The same for the output ({@link StagingMemory#writesInPlace}); null: any direct buffer with room. */
    default StagingMemory outputMemory() {
        return null;
    }

    /** A streaming decoder with fixed memory, or null when this backend does not decode. */
    default ZstdDecodeStream newDecodeStream() {
        return null;
    }

    /** Mode and figures for {@code doctor} and metrics. */
    default BackendDetail detail() {
        return BackendDetail.SOFTWARE;
    }

    @Override
    default void close() {
    }
}
