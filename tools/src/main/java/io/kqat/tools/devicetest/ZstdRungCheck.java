package io.kqat.tools.devicetest;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.ZstdCodec;
import java.util.regex.Pattern;

/**
 * A check of one QAT zstd rung on a zstd codec of its own. When the rung did not start, the check says why: UNSUPPORTED
 * when the platform has no such path (the generation's qatlib answers UNSUPPORTED for the algorithm, qatlib older than
 * 26.02 has no mapped region, VFIO without an IOMMU), FAIL when the path should be there and did not start (its self
 * test, the region, libzstd's sequence API).
 */
record ZstdRungCheck(String name, String rung, Body body) implements Check {
    private static final Pattern PLATFORM_LACKS = Pattern.compile(
            "compression: cpaDc\\w+CompressBound answered UNSUPPORTED|this qatlib has no cpaDc|older than 26\\.02|no-IOMMU");

    /** The body of a check on a ready rung: {@code codec} compresses with it, {@code decoder} has libzstd. */
    interface Body {
        CheckResult run(ZstdCodec codec, BackendStatus rung, ZstdCodec decoder) throws Exception;
    }

    /**
     * On the ladder as the hook builds it when that rung serves level 3; otherwise (LZ4s on a 6xxx, where native zstd
     * serves) on a ladder with that rung forced ({@code zstd.backend}), read back through a libzstd-only codec.
     */
    @Override
    public CheckResult run(DeviceUnderTest device) throws Exception {
        try (ZstdCodec codec = device.zstdCodec(null)) {
            BackendStatus r = ZstdBatches.rung(codec, rung);
            if (!r.ready()) {
                return absent(name, r);
            }
            if (codec.backendName(3).equals(rung)) {
                return body.run(codec, r, codec);
            }
        }
        try (ZstdCodec forced = device.zstdCodec(rung); ZstdCodec decoder = device.zstdSoftware()) {
            return body.run(forced, ZstdBatches.rung(forced, rung), decoder);
        }
    }

    /** A rung that did not start, as its check reports it. */
    static CheckResult absent(String check, BackendStatus r) {
        String why = r.name() + " did not start: " + r.skipReason();
        return PLATFORM_LACKS.matcher(r.skipReason()).find() ? CheckResult.unsupported(check, why)
                : CheckResult.fail(check, why);
    }

    static boolean platformLacks(BackendStatus r) {
        return !r.ready() && PLATFORM_LACKS.matcher(r.skipReason()).find();
    }
}
