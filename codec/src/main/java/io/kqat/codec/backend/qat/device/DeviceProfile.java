package io.kqat.codec.backend.qat.device;

import io.kqat.codec.backend.qat.memory.SlotArena;
import io.kqat.codec.backend.qat.memory.UsdmLimits;

/**
 * Every rule that depends on the QAT generation or the qatlib release, in one place: how many flat buffers a list may
 * hold (255: qatlib refuses 256, {@code lac_buffer_desc.c}), how large one flat is, the worst-case output of a
 * compression (the device's own {@code cpaDcDeflateCompressBound}), the smallest destination, that compress-and-verify
 * is always requested (qatlib refuses compression without it), and USDM's allocation limits. A new rule is one edit here.
 */
public final class DeviceProfile {
    /** qatlib: {@code numBuffers >= MAX_SGL_BUFFERS (256)} fails the submission. */
    public static final int MAX_FLATS = 255;
    public static final int DEFAULT_FLAT_BYTES = SlotArena.SLOT_SIZE;
    /** dc_datapath.c: a dynamic-Huffman destination under 512 bytes is INVALID_PARAM on Gen4. */
    static final int MIN_DYNAMIC_DESTINATION = 512;

    private final int maxFlats;
    private final int flatBytes;
    private final CompressBound bound;
    private final UsdmLimits usdm;

    public DeviceProfile(int maxFlats, int flatBytes, CompressBound bound, UsdmLimits usdm) {
        if (flatBytes <= 0 || Integer.bitCount(flatBytes) != 1) {
            throw new IllegalArgumentException("flat size must be a power of two, was " + flatBytes);
        }
        this.maxFlats = maxFlats;
        this.flatBytes = flatBytes;
        this.bound = bound;
        this.usdm = usdm;
    }

    /** Flat buffers per buffer list. */
    public int maxFlats() {
        return maxFlats;
    }

    /** The largest flat buffer; flats are cut at multiples of it (and at every mapping's end). */
    public int flatBytes() {
        return flatBytes;
    }

    /** The most one list describes when it starts on a flat boundary. */
    public int maxListBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 64, (long) maxFlats * flatBytes);
    }

    /** The largest batch one compression takes: its input and its bound both fit one list. */
    public int maxCompressInput() {
        int n = maxListBytes();
        while (n > 0 && deflateBound(n) > maxListBytes()) {
            n -= Math.max(CompressBound.STEP, (deflateBound(n) - maxListBytes()) / 2);
        }
        return Math.max(0, n);
    }

    /** Worst-case raw deflate output for {@code n} input bytes, as the device states it. */
    public int deflateBound(int n) {
        return bound.of(n);
    }

    /** Compress requests ask the device to verify its output by inflating it: qatlib refuses them otherwise. */
    public boolean compressAndVerify() {
        return true;
    }

    public UsdmLimits usdm() {
        return usdm;
    }
}
