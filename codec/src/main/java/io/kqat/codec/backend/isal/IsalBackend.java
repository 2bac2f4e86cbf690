package io.kqat.codec.backend.isal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.kqat.codec.nativeio.ContextPool;
import io.kqat.codec.nativeio.NativeMemory;
import io.kqat.codec.nativeio.DirectAddress;
import io.kqat.codec.nativeio.NativeBuffers;
import io.kqat.codec.spi.Backend;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.spi.Capabilities;
import io.kqat.codec.spi.Capabilities.Strictness;
import io.kqat.codec.spi.InflateStream;
import io.kqat.codec.spi.StagingMemory;
import java.nio.ByteBuffer;

/**
 * ISA-L's igzip (Debian {@code libisal2}): the fastest software deflate. Kafka levels 1 to 3 map to igzip's levels 1
 * to 3, its highest (igzip 1 compresses several times faster than zlib 1, with a similar ratio on JSON).
 * It inflates with ISA-L's streaming inflater, whole members and piece by piece, once that inflater's self test has
 * passed. It rejects the reserved symbols libdeflate decodes, but accepts a Huffman code zlib calls incomplete when
 * the data never uses a missing code.
 */
public final class IsalBackend implements Backend {
    public static final String NAME = "isal";
    static final int MAX_LEVEL = 3;

    @SuppressWarnings("unchecked")
    private final ContextPool<Stream>[] streams = new ContextPool[MAX_LEVEL + 1];
    private final Capabilities capabilities;
    private final ContextPool<WholeInflater> inflaters = new ContextPool<>(WholeInflater::new, WholeInflater::close);

    /** @param inflates false when ISA-L's inflater failed its self test on this library */
    IsalBackend(boolean inflates) {
        Capabilities levels = Capabilities.compressing(1, MAX_LEVEL);
        this.capabilities = inflates ? levels.inflating(Strictness.ZLIB_BUT_UNUSED_INCOMPLETE_CODES) : levels;
        for (int level = 1; level <= MAX_LEVEL; level++) {
            int l = level;
            streams[level] = new ContextPool<>(() -> new Stream(l), Stream::free, NativeMemory.process(),
                    2L * IsalNative.ZSTREAM_SIZE + IsalNative.LEVEL_BUF_SIZES[level], "an ISA-L deflate stream");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public StagingMemory staging() {
        return NativeBuffers.DIRECT_STAGING;
    }

    @Override
    public int deflateBound(int n) {
        // Stateless igzip writes stored blocks when compression would expand; this leaves room for their headers.
        return n + (n >>> 3) + 4096;
    }

    @Override
    public Deflated deflate(ByteBuffer src, ByteBuffer dst, int level) {
        if (!capabilities.compresses(level)) {
            throw new IllegalArgumentException("isal serves levels 1.." + MAX_LEVEL + ", not " + level);
        }
        long in = DirectAddress.at(src);
        long out = DirectAddress.at(dst);
        int inLen = src.remaining();
        int outLen = dst.remaining();
        ContextPool<Stream> pool = streams[level];
        Stream s = pool.borrow();
        int status;
        long produced;
        try {
            Memory z = s.zstream;
            IsalNative.isal_deflate_stateless_init(Pointer.nativeValue(z));
            z.setLong(IsalNative.NEXT_IN, in);
            z.setInt(IsalNative.AVAIL_IN, inLen);
            z.setLong(IsalNative.NEXT_OUT, out);
            z.setInt(IsalNative.AVAIL_OUT, outLen);
            z.setInt(IsalNative.TOTAL_OUT, 0);
            z.setInt(IsalNative.LEVEL, level);
            z.setInt(IsalNative.LEVEL_BUF_SIZE, IsalNative.LEVEL_BUF_SIZES[level]);
            z.setLong(IsalNative.LEVEL_BUF, Pointer.nativeValue(s.levelBuffer));
            z.setShort(IsalNative.END_OF_STREAM, (short) 1);
            z.setShort(IsalNative.FLUSH, (short) 0);
            z.setShort(IsalNative.GZIP_FLAG, (short) 0); // raw deflate: kqat writes the gzip framing
            status = IsalNative.isal_deflate_stateless(Pointer.nativeValue(z));
            produced = Integer.toUnsignedLong(z.getInt(IsalNative.TOTAL_OUT));
        } finally {
            pool.giveBack(s);
        }
        if (status == IsalNative.STATELESS_OVERFLOW) {
            throw BackendException.fault("isal: " + outLen + " output bytes were not enough for " + inLen + " input bytes");
        }
        if (status != IsalNative.COMP_OK || produced > outLen) {
            throw BackendException.fault("isal_deflate_stateless returned " + status + ", produced " + produced);
        }
        src.position(src.limit());
        dst.position(dst.position() + (int) produced);
        return new Deflated((int) produced, Deflated.NO_CRC);
    }

    @Override
    public Inflated inflate(ByteBuffer src, ByteBuffer dst) {
        WholeInflater w = inflaters.borrow();
        try {
            return w.inflate(src, dst);
        } finally {
            inflaters.giveBack(w);
        }
    }

    /** ISA-L's streaming inflater, or null when it failed its self test on this library. */
    @Override
    public InflateStream newInflateStream() {
        return capabilities.inflates() ? new IsalInflateStream() : null;
    }

    @Override
    public void close() {
        inflaters.close();
        for (int level = 1; level <= MAX_LEVEL; level++) {
            streams[level].close();
        }
    }

    /** One igzip stream structure and the level buffer it works in. */
    private static final class Stream {
        /** Twice the 2.28-2.31 size: a later ISA-L with a larger struct must not write past what kqat allocated. */
        final Memory zstream = new Memory(2L * IsalNative.ZSTREAM_SIZE);
        final Memory levelBuffer;

        Stream(int level) {
            levelBuffer = new Memory(IsalNative.LEVEL_BUF_SIZES[level]);
            // malloc's memory is not zeroed, and isal_deflate_stateless_init leaves some fields as it finds them: a
            // stale hist_bits of 1..14 shrinks the match window and the ratio with it (1.5 instead of 5.8 on JSON).
            zstream.clear();
        }

        void free() {
            zstream.close();
            levelBuffer.close();
        }
    }
}
