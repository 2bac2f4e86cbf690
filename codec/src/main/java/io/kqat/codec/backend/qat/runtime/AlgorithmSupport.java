package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.ptr.IntByReference;
import io.kqat.codec.backend.qat.device.CompressBound;
import io.kqat.codec.backend.qat.device.SessionKind;
import io.kqat.codec.backend.qat.device.StartException;
import io.kqat.codec.backend.qat.nativeapi.CpaStatus;
import io.kqat.codec.backend.qat.nativeapi.QatLibraries;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether the started instances compress LZ4s or zstd, asked the way qatlib answers it without a request: the
 * algorithm's own bound call ({@code cpaDcLZ4SCompressBound} since 22.07, {@code cpaDcZstdCompressBound} since
 * 26.02), which is UNSUPPORTED on an instance without the algorithm. The same call then sizes every destination.
 */
public final class AlgorithmSupport {
    private AlgorithmSupport() {
    }

    /**
     * The device's worst-case output for {@code kind} over every instance, for inputs up to {@code maxInput}.
     *
     * @throws StartException with the reason when an instance (or the library) does not have the algorithm
     */
    public static CompressBound bound(QatProcess process, SessionKind kind, int maxInput) {
        QatLibraries.Dc dc = process.libs.dc();
        List<Instance> instances = process.instances();
        for (Instance i : instances) {
            int status = ask(dc, i, kind, 64 << 10, new IntByReference());
            if (status != CpaStatus.SUCCESS) {
                throw new StartException("instance " + i.info.name() + " (" + part(i) + ") has no " + kind
                        + " compression: " + boundCall(kind) + " answered " + CpaStatus.name(status));
            }
        }
        return CompressBound.asking(n -> {
            long max = -1;
            for (Instance i : instances) {
                IntByReference out = new IntByReference();
                if (ask(dc, i, kind, n, out) != CpaStatus.SUCCESS) {
                    return -1;
                }
                max = Math.max(max, Integer.toUnsignedLong(out.getValue()));
            }
            return max;
        }, maxInput);
    }

    /** True when every instance is a 6xxx (Gen6), whose LZ4s history is 64 KiB instead of 32 KiB. */
    public static boolean gen6(QatProcess process) {
        return process.instances().stream().allMatch(i -> i.info.part().startsWith("6xxx"));
    }

    /** The instances' part names, for messages. */
    public static String parts(QatProcess process) {
        return process.instances().stream().map(AlgorithmSupport::part).distinct().collect(Collectors.joining(", "));
    }

    private static String part(Instance i) {
        String p = i.info.part();
        int space = p.indexOf(' ');
        return p.isEmpty() ? "part unknown" : space > 0 ? p.substring(0, space) : p;
    }

    private static int ask(QatLibraries.Dc dc, Instance i, SessionKind kind, int n, IntByReference out) {
        try {
            return kind == SessionKind.ZSTD ? dc.cpaDcZstdCompressBound(i.handle, n, out)
                    : dc.cpaDcLZ4SCompressBound(i.handle, n, out);
        } catch (UnsatisfiedLinkError e) {
            throw new StartException("this qatlib has no " + boundCall(kind) + " (" + (kind == SessionKind.ZSTD
                    ? "native zstd needs qatlib 26.02+" : "LZ4s needs qatlib 22.07+") + ")");
        }
    }

    private static String boundCall(SessionKind kind) {
        return kind == SessionKind.ZSTD ? "cpaDcZstdCompressBound" : "cpaDcLZ4SCompressBound";
    }
}
