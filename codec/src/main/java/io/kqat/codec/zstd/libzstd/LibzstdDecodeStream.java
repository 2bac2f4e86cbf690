package io.kqat.codec.zstd.libzstd;

import com.sun.jna.Memory;
import io.kqat.codec.nativeio.DirectAddress;
import io.kqat.codec.spi.BackendException;
import io.kqat.codec.zstd.spi.ZstdDecodeStream;
import java.nio.ByteBuffer;

/**
 * libzstd's streaming decoder ({@code ZSTD_decompressStream}) over the caller's windows. It accepts frames whose window
 * is at most {@value #WINDOW_LOG_MAX} bits, as Kafka's zstd-jni reader does by default, so both refuse the same frames;
 * its own buffers are bounded by that window, whatever the frame claims to inflate to.
 */
final class LibzstdDecodeStream implements ZstdDecodeStream {
    /** {@code ZSTD_WINDOWLOG_LIMIT_DEFAULT}: what Kafka's reader accepts (it sets no limit of its own). */
    static final int WINDOW_LOG_MAX = 27;
    private static final int RESET_SESSION_ONLY = 1;
    /** ZSTD_outBuffer at 0, ZSTD_inBuffer at 24: {pointer, size, pos} each. */
    private static final int OUT = 0;
    private static final int IN = 24;

    private final long dctx;
    private final Memory buffers = new Memory(48);
    private final Runnable onClose;
    private boolean frameComplete = true;

    /** @param onClose what closing does (give this stream back to its pool, or {@link #free}) */
    LibzstdDecodeStream(java.util.function.Consumer<LibzstdDecodeStream> onClose) {
        long d = ZstdNative.ZSTD_createDCtx();
        if (d == 0) {
            buffers.close();
            throw BackendException.declined("libzstd could not allocate a decompression context");
        }
        this.dctx = d;
        this.onClose = () -> onClose.accept(this);
        try {
            ZstdResult.check(ZstdNative.ZSTD_DCtx_setParameter(d, ZstdNative.D_WINDOW_LOG_MAX, WINDOW_LOG_MAX),
                    "ZSTD_DCtx_setParameter(windowLogMax)");
        } catch (RuntimeException e) {
            free();
            throw e;
        }
    }

    @Override
    public void reset() {
        ZstdResult.check(ZstdNative.ZSTD_DCtx_reset(dctx, RESET_SESSION_ONLY), "ZSTD_DCtx_reset");
        frameComplete = true;
    }

    @Override
    public boolean decode(ByteBuffer src, ByteBuffer dst) {
        int inLen = src.remaining();
        int outLen = dst.remaining();
        long base = com.sun.jna.Pointer.nativeValue(buffers);
        buffers.setLong(OUT, DirectAddress.at(dst));
        buffers.setLong(OUT + 8, outLen);
        buffers.setLong(OUT + 16, 0);
        buffers.setLong(IN, DirectAddress.at(src));
        buffers.setLong(IN + 8, inLen);
        buffers.setLong(IN + 16, 0);
        long inPos = 0;
        long outPos = 0;
        try {
            while (true) {
                long hint = ZstdResult.checkDecode(ZstdNative.ZSTD_decompressStream(dctx, base + OUT, base + IN));
                long newIn = buffers.getLong(IN + 16);
                long newOut = buffers.getLong(OUT + 16);
                if (newIn < inPos || newIn > inLen || newOut < outPos || newOut > outLen) {
                    throw BackendException.fault("libzstd reported impossible positions " + newIn + "/" + newOut);
                }
                boolean progress = newIn != inPos || newOut != outPos;
                inPos = newIn;
                outPos = newOut;
                frameComplete = hint == 0;
                if (outPos == outLen || inPos == inLen && (frameComplete || !progress) || !progress) {
                    break;
                }
            }
        } finally {
            java.lang.ref.Reference.reachabilityFence(src);
            java.lang.ref.Reference.reachabilityFence(dst);
        }
        src.position(src.position() + (int) inPos);
        dst.position(dst.position() + (int) outPos);
        return frameComplete;
    }

    /** Bytes the context holds now (its window buffers grow with the largest frame window it met). */
    long footprint() {
        return ZstdNative.ZSTD_sizeof_DCtx(dctx);
    }

    @Override
    public void close() {
        onClose.run();
    }

    void free() {
        ZstdNative.ZSTD_freeDCtx(dctx);
        buffers.close();
    }
}
