package io.kqat.codec.backend.libdeflate;

import io.kqat.codec.CodecConfig;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.nativeio.ContextPool;
import io.kqat.codec.nativeio.NativeMemory;
import io.kqat.codec.nativeio.DirectAddress;
import io.kqat.codec.nativeio.NativeBuffers;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.Capabilities;
import io.kqat.codec.spi.Capabilities.Strictness;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;

/**
 * libdeflate (Debian {@code libdeflate0}): raw DEFLATE both ways. Levels map one to one: Kafka's 1..9 are libdeflate's
 * 1..9 (libdeflate's 10..12 are not used: far slower, for a few percent); libdeflate compresses faster than zlib at
 * the same level with a similar or better ratio. Inflate uses {@code libdeflate_deflate_decompress_ex}, which
 * reports the input consumed, so the gzip layer can walk several members.
 *
 * <p>libdeflate's inflater is deliberately more lenient than zlib's: it decodes literal/length symbols 286-287 and
 * distance codes 30-31, which zlib (so stock Kafka) rejects. It says so in its {@link #capabilities()}; whether that
 * keeps it from decoding is the ladder's decision.
 */
public final class LibDeflateBackend implements Backend {
    public static final String NAME = "libdeflate";
    private static final Capabilities CAPABILITIES = Capabilities.compressing(CodecConfig.MIN_LEVEL, CodecConfig.MAX_LEVEL).inflating(Strictness.LENIENT);

    @SuppressWarnings("unchecked")
    private final ContextPool<Long>[] compressors = new ContextPool[CodecConfig.MAX_LEVEL + 1];
    /** What libdeflate 1.14 mallocs for a compressor (200 KiB at level 1, 656 KiB at 2-9) and a decompressor, rounded up. */
    private static final long LEVEL_1_COMPRESSOR_BYTES = 256 << 10;
    private static final long COMPRESSOR_BYTES = 768 << 10;
    private static final long DECOMPRESSOR_BYTES = 16 << 10;
    private final ContextPool<Decompressor> decompressors = new ContextPool<>(Decompressor::new, Decompressor::free,
            NativeMemory.process(), DECOMPRESSOR_BYTES, "a libdeflate decompressor");

    LibDeflateBackend() {
        for (int level = CodecConfig.MIN_LEVEL; level <= CodecConfig.MAX_LEVEL; level++) {
            int l = level;
            compressors[level] = new ContextPool<>(() -> allocCompressor(l), LibDeflateNative::libdeflate_free_compressor,
                    NativeMemory.process(), level == 1 ? LEVEL_1_COMPRESSOR_BYTES : COMPRESSOR_BYTES,
                    "a libdeflate compressor");
        }
    }

    private static long allocCompressor(int level) {
        long c = LibDeflateNative.libdeflate_alloc_compressor(level);
        if (c == 0) {
            throw BackendException.declined("libdeflate could not allocate a level " + level + " compressor");
        }
        return c;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public StagingMemory staging() {
        return NativeBuffers.DIRECT_STAGING;
    }

    @Override
    public int deflateBound(int n) {
        // libdeflate's own bound is 5 bytes per block of at least 10000 bytes, plus 9; 5000-byte blocks leave margin.
        return n + 5 * (n / 5000 + 1) + 64;
    }

    @Override
    public Deflated deflate(ByteBuffer src, ByteBuffer dst, int level) {
        long in = DirectAddress.at(src);
        long out = DirectAddress.at(dst);
        int inLen = src.remaining();
        int outLen = dst.remaining();
        ContextPool<Long> pool = compressors[level];
        Long compressor = pool.borrow();
        long produced;
        try {
            produced = LibDeflateNative.libdeflate_deflate_compress(compressor, in, inLen, out, outLen);
        } finally {
            pool.giveBack(compressor);
        }
        if (produced <= 0 || produced > outLen) {
            throw BackendException.fault("libdeflate: " + outLen + " output bytes were not enough for " + inLen + " input bytes");
        }
        src.position(src.limit());
        dst.position(dst.position() + (int) produced);
        return new Deflated((int) produced, Deflated.NO_CRC);
    }

    @Override
    public Inflated inflate(ByteBuffer src, ByteBuffer dst) {
        long in = DirectAddress.at(src);
        long out = DirectAddress.at(dst);
        int inLen = src.remaining();
        int outLen = dst.remaining();
        Decompressor d = decompressors.borrow();
        int result;
        long consumed;
        long produced;
        try {
            result = LibDeflateNative.libdeflate_deflate_decompress_ex(d.handle, in, inLen, out, outLen,
                    Pointer.nativeValue(d.counts), Pointer.nativeValue(d.counts) + 8);
            consumed = d.counts.getLong(0);
            produced = d.counts.getLong(8);
        } finally {
            decompressors.giveBack(d);
        }
        if (result == LibDeflateNative.INSUFFICIENT_SPACE) {
            return Inflated.OUTPUT_TOO_SMALL;
        }
        if (result == LibDeflateNative.BAD_DATA) {
            throw new CorruptGzipException("corrupt or truncated deflate data");
        }
        if (result != LibDeflateNative.SUCCESS) {
            throw BackendException.fault("libdeflate decompress returned " + result);
        }
        if (consumed < 0 || consumed > inLen || produced < 0 || produced > outLen) {
            throw BackendException.fault("libdeflate reported impossible counts " + consumed + "/" + produced);
        }
        src.position(src.position() + (int) consumed);
        dst.position(dst.position() + (int) produced);
        return new Inflated(true, (int) consumed, (int) produced);
    }

    @Override
    public void close() {
        for (int level = CodecConfig.MIN_LEVEL; level <= CodecConfig.MAX_LEVEL; level++) {
            compressors[level].close();
        }
        decompressors.close();
    }

    /** A decompressor and the two {@code size_t} it reports counts into. */
    private static final class Decompressor {
        final long handle;
        final Memory counts = new Memory(16);

        Decompressor() {
            handle = LibDeflateNative.libdeflate_alloc_decompressor();
            if (handle == 0) {
                throw BackendException.declined("libdeflate could not allocate a decompressor");
            }
        }

        void free() {
            LibDeflateNative.libdeflate_free_decompressor(handle);
            counts.close();
        }
    }
}
