package io.kqat.codec.backend.jdk;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.InflateStream;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * java.util.zip (the system zlib): always present, the last rung of every ladder. Kafka levels are zlib levels, so
 * no mapping is needed. One Deflater per level and one Inflater are kept per thread; they are reset, never shared.
 */
public final class JdkBackend implements Backend {
    public static final String NAME = "jdk";

    private final ThreadLocal<Deflater[]> deflaters = ThreadLocal.withInitial(() -> new Deflater[10]);
    private final ThreadLocal<Inflater> inflaters = ThreadLocal.withInitial(() -> new Inflater(true));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StagingMemory staging() {
        return StagingMemory.ANY;
    }

    @Override
    public InflateStream newInflateStream() {
        return new JdkInflateStream();
    }

    @Override
    public int deflateBound(int n) {
        // zlib's deflateBound for raw deflate plus stored-block overhead (5 bytes per 16 KiB block).
        return n + (n >>> 12) + (n >>> 14) + (n >>> 25) + 13 + 5 * (n / 16383 + 1);
    }

    @Override
    public Deflated deflate(ByteBuffer src, ByteBuffer dst, int level) {
        Deflater[] perLevel = deflaters.get();
        Deflater deflater = perLevel[level];
        if (deflater == null) {
            deflater = new Deflater(level, true);
            perLevel[level] = deflater;
        } else {
            deflater.reset();
        }
        deflater.setInput(src);
        deflater.finish();
        int start = dst.position();
        while (!deflater.finished()) {
            if (!dst.hasRemaining()) {
                throw new IllegalStateException("deflate output exceeded deflateBound");
            }
            deflater.deflate(dst);
        }
        return new Deflated(dst.position() - start, Deflated.NO_CRC);
    }

    @Override
    public Inflated inflate(ByteBuffer src, ByteBuffer dst) {
        Inflater inflater = inflaters.get();
        inflater.reset();
        int srcStart = src.position();
        int dstStart = dst.position();
        ByteBuffer in = src.duplicate();
        inflater.setInput(in);
        try {
            while (!inflater.finished()) {
                if (!dst.hasRemaining()) {
                    dst.position(dstStart);
                    return Inflated.OUTPUT_TOO_SMALL;
                }
                int n = inflater.inflate(dst);
                if (n == 0 && !inflater.finished()) {
                    if (inflater.needsInput()) {
                        throw new CorruptGzipException("truncated deflate stream: input ended after " + (in.position() - srcStart) + " bytes");
                    }
                    if (inflater.needsDictionary()) {
                        throw new CorruptGzipException("deflate stream asks for a preset dictionary");
                    }
                    if (dst.hasRemaining()) {
                        throw new CorruptGzipException("deflate stream made no progress");
                    }
                }
            }
        } catch (DataFormatException e) {
            throw new CorruptGzipException("corrupt deflate data: " + e.getMessage(), e);
        }
        int consumed = (int) inflater.getBytesRead();
        src.position(srcStart + consumed);
        return new Inflated(true, consumed, dst.position() - dstStart);
    }
}
