package io.kqat.codec.backend.qat.device;

import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntToLongFunction;

/**
 * The device's worst-case compressed size, from {@code cpaDcDeflateCompressBound} (Gen4 dynamic Huffman: about 9/8 of
 * the input plus a per-16 KiB term plus 512 bytes, more than zlib's bound above about 46 KiB; 420xx: a per-4 KiB
 * term). Asked once per 1 KiB step of input size and kept: the bound grows with the input, so the answer for the size
 * rounded up to the step is safe, and no request pays for a native call. The largest answer over every instance wins.
 */
public final class CompressBound {
    static final int STEP = 1024;
    private final IntToLongFunction ask;
    private final AtomicIntegerArray known;
    private final int maxInput;

    /** @param ask the device's bound for an input size, -1 when refused */
    CompressBound(IntToLongFunction ask, int maxInput) {
        this.ask = ask;
        this.maxInput = maxInput;
        this.known = new AtomicIntegerArray(maxInput / STEP + 2);
    }

    /** @param instances the handles of the instances whose largest answer is kept */
    public static CompressBound of(QatLibraries.Dc dc, List<Pointer> instances, int maxInput) {
        return new CompressBound(n -> {
            long max = -1;
            for (Pointer i : instances) {
                long b = DeviceQuery.compressBound(dc, i, n);
                if (b < 0) {
                    return -1;
                }
                max = Math.max(max, b);
            }
            return max;
        }, maxInput);
    }

    /** A bound asked of {@code ask} (the device's answer for an input size, -1 when refused) per 1 KiB step. */
    public static CompressBound asking(IntToLongFunction ask, int maxInput) {
        return new CompressBound(ask, maxInput);
    }

    /** Worst-case output for {@code n} input bytes, at least the 512 bytes a dynamic destination needs. */
    public int forInput(int n) {
        return of(n);
    }

    /** Checks the library answers at all, at start: a library that cannot size a destination is not used. */
    public void check() {
        if (ask.applyAsLong(64 << 10) <= 0) {
            throw new StartException("cpaDcDeflateCompressBound refused a 64 KiB input (dynamic Huffman)");
        }
    }

    /** Worst-case raw deflate output for {@code n} input bytes, at least the 512 bytes a dynamic destination needs. */
    int of(int n) {
        if (n > maxInput || n < 0) {
            return fallback(n);
        }
        int index = (n + STEP - 1) / STEP;
        int bound = known.get(index);
        if (bound == 0) {
            long asked = ask.applyAsLong(Math.max(1, index * STEP));
            bound = asked > 0 && asked < Integer.MAX_VALUE ? (int) asked : fallback(index * STEP);
            known.set(index, bound);
        }
        return Math.max(bound, DeviceProfile.MIN_DYNAMIC_DESTINATION);
    }

    /** Above every generation's formula: 9/8 of the input, 1/16 more, and the static Huffman constant. */
    private static int fallback(int n) {
        return (int) Math.min(Integer.MAX_VALUE - 64, 9L * n / 8 + n / 16 + 1029);
    }
}
