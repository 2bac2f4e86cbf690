package io.kqat.tools.devicetest;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.ZstdCodec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The zstd checks: which QAT zstd path this device has (LZ4s on 4xxx/420xx, and 6xxx from qatlib 26.08; native zstd on
 * 6xxx) and, for each it has, batches from 1 byte to 1 MiB at levels 1, 3 and 12 written as the Kafka hook writes them
 * and read back byte for byte by zstd-jni and libzstd; what the device's LZ4s looks like ({@link Lz4sObservations});
 * levels outside 1-12 kept off the device; and a batch the device cannot serve redone by libzstd. A path the platform
 * lacks is UNSUPPORTED with qatlib's answer, never a failure.
 */
final class ZstdChecks {
    static final String LZ4S = "qat-lz4s";
    static final String NATIVE = "qat-zstd";
    static final int[] SIZES = {1, 100, 4097, 64 << 10, (128 << 10) + 3, 1 << 20};
    static final int[] LEVELS = {1, 3, 12};

    private ZstdChecks() {
    }

    /** The checks after {@link #rungs()}, which they need to pass first. */
    static List<Check> all() {
        return List.of(new ZstdRungCheck("lz4s-frames", LZ4S, ZstdChecks::frames),
                new ZstdRungCheck("lz4s-shape", LZ4S, Lz4sObservations::observe),
                new ZstdRungCheck("zstd-native", NATIVE, ZstdChecks::frames),
                new Serving("zstd-levels", ZstdChecks::levels),
                new Serving("zstd-fallback", ZstdChecks::fallback));
    }

    /** The first zstd check: a QAT zstd rung is ready, or the platform has none (UNSUPPORTED), or one failed to start. */
    static Check rungs() {
        return new Check() {
            @Override
            public String name() {
                return "zstd-rungs";
            }

            @Override
            public CheckResult run(DeviceUnderTest device) {
                try (ZstdCodec codec = device.zstdCodec(null)) {
                    BackendStatus lz4s = ZstdBatches.rung(codec, LZ4S);
                    BackendStatus zstd = ZstdBatches.rung(codec, NATIVE);
                    String both = describe(zstd) + "; " + describe(lz4s) + "; routes " + codec.routes();
                    if (!lz4s.ready() && !zstd.ready()) {
                        boolean lacks = ZstdRungCheck.platformLacks(lz4s) && ZstdRungCheck.platformLacks(zstd);
                        return lacks ? CheckResult.unsupported(name(), "no QAT zstd path here: " + both)
                                : CheckResult.fail(name(), "no QAT zstd rung started: " + both);
                    }
                    for (BackendStatus r : new BackendStatus[] {lz4s, zstd}) {
                        if (!r.ready() && !ZstdRungCheck.platformLacks(r)) {
                            return CheckResult.fail(name(), r.name() + " should start here and did not: " + both);
                        }
                    }
                    return CheckResult.pass(name(), "level 3 compressed by " + codec.backendName(3) + "; " + both);
                }
            }
        };
    }

    private static String describe(BackendStatus r) {
        return r.ready() ? r.name() + " ready (" + r.mode() + ")"
                : r.name() + (ZstdRungCheck.platformLacks(r) ? " UNSUPPORTED: " : " not started: ") + r.skipReason();
    }

    /** Every size, kind and level through the rung: each frame read back by both decoders; one request each, no copy in. */
    private static CheckResult frames(ZstdCodec codec, BackendStatus rung, ZstdCodec decoder) {
        Batches.Counts before = Batches.Counts.of(rung);
        long copiedIn = rung.stats().getCompressCopiedIn();
        Set<String> headers = new TreeSet<>();
        Set<String> kinds = new TreeSet<>();
        int largestBlock = 0;
        int batches = 0;
        for (int size : SIZES) {
            for (String kind : ZstdBatches.KINDS) {
                for (int level : LEVELS) {
                    byte[] records = ZstdBatches.records(kind, size);
                    byte[] frame = ZstdBatches.frame(codec, records, level);
                    ZstdBatches.readBack(decoder, frame, records, size + " bytes of " + kind + " at level " + level);
                    ZstdFrameHeader h = ZstdFrameHeader.parse(frame);
                    headers.add(h.describe());
                    kinds.addAll(List.of(h.kinds().split("\\+")));
                    largestBlock = Math.max(largestBlock, h.largestBlock());
                    batches++;
                }
            }
        }
        BackendStatus now = ZstdBatches.rung(codec, rung.name());
        Batches.Counts d = Batches.Counts.of(now).since(before);
        Verify.equal(d.errors(), 0, "device faults");
        Verify.equal(d.compressed(), batches, "batches " + rung.name() + " compressed");
        Verify.equal(now.stats().getCompressCopiedIn() - copiedIn, 0, "bytes copied into the region (the batch stream "
                + "writes there)");
        return CheckResult.pass(rung.name().equals(LZ4S) ? "lz4s-frames" : "zstd-native", batches + " batches (1 B to "
                + "1 MiB; events, random, runs; levels 1, 3, 12) compressed by " + rung.name() + " without a copy in, "
                + "every frame read back byte for byte by zstd-jni and libzstd; frames: " + String.join(" | ", headers)
                + "; blocks up to " + ZstdFrameHeader.kib(largestBlock) + " (" + String.join(", ", kinds) + ")");
    }

    /** Levels 1-12 route to the QAT rung; others (negative, 13-22) never reach it and are read back. */
    private static CheckResult levels(ZstdCodec codec, BackendStatus rung, DeviceUnderTest device) {
        for (int level = 1; level <= 12; level++) {
            Verify.that(codec.backendName(level).equals(rung.name()), "level " + level + " is served by "
                    + codec.backendName(level) + ", not " + rung.name());
        }
        Batches.Counts before = Batches.Counts.of(rung);
        int[] outside = {-5, -1, 13, 19, 22};
        for (int level : outside) {
            byte[] records = ZstdBatches.records("events", 50_000);
            ZstdBatches.readBack(codec, ZstdBatches.frame(codec, records, level), records, "level " + level);
        }
        Verify.equal(Batches.Counts.of(ZstdBatches.rung(codec, rung.name())).since(before).compressed(), 0,
                "batches at levels outside 1-12 that reached " + rung.name());
        return CheckResult.pass("zstd-levels", "levels 1-12 routed to " + rung.name() + "; levels -5, -1, 13, 19, 22 "
                + "compressed by " + codec.backendName(19) + ", never the device, each read back");
    }

    /**
     * On the emulator, three requests the device fails; on a device, a batch over one request: either way the batches
     * are redone by libzstd and read back, and only real faults count as faults.
     */
    private static CheckResult fallback(ZstdCodec codec, BackendStatus rung, DeviceUnderTest device) {
        Batches.Counts before = Batches.Counts.of(rung);
        if (device.emulated()) {
            long errors = codec.totals().getErrors();
            device.emulator().resetCounters();
            device.emulator().failRequests(0, 3);
            try {
                for (int i = 0; i < 6; i++) {
                    byte[] records = ZstdBatches.records("events", 80_000 + i);
                    ZstdBatches.readBack(codec, ZstdBatches.frame(codec, records, 3), records, "batch " + i);
                }
            } finally {
                device.emulator().failRequests(0, 0);
            }
            Verify.equal(codec.totals().getErrors() - errors, 3, "device faults, over every QAT zstd rung");
            return CheckResult.pass("zstd-fallback", "3 requests failed by the device: their batches were redone by "
                    + "the next rung (" + codec.routes().replaceAll(".*levels 1\\.\\.12: ([^;]*);.*", "$1")
                    + "), every batch read back");
        }
        long max = rung.detail().figure("maxBatchBytes");
        byte[] records = ZstdBatches.records("events", (int) max + (64 << 10));
        ZstdBatches.readBack(codec, ZstdBatches.frame(codec, records, 3), records, "batch over one request");
        BackendStatus now = ZstdBatches.rung(codec, rung.name());
        Verify.equal(now.detail().figure("declinedOverRequest") - rung.detail().figure("declinedOverRequest"), 1,
                "batches declined as over one request");
        Verify.equal(Batches.Counts.of(now).since(before).errors(), 0, "device faults");
        return CheckResult.pass("zstd-fallback", "a batch 64 KiB over one " + rung.name() + " request ("
                + Batches.mib(max) + ") declined without penalty, compressed by libzstd and read back (a real device "
                + "cannot be made to fail on purpose; --emulator injects faults)");
    }

    /** A check on the QAT rung that serves level 3 (native zstd where there is one, else LZ4s). */
    private record Serving(String name, Body body) implements Check {
        interface Body {
            CheckResult run(ZstdCodec codec, BackendStatus rung, DeviceUnderTest device) throws Exception;
        }

        @Override
        public CheckResult run(DeviceUnderTest device) throws Exception {
            try (ZstdCodec codec = device.zstdCodec(null)) {
                BackendStatus zstd = ZstdBatches.rung(codec, NATIVE);
                BackendStatus serving = zstd.ready() ? zstd : ZstdBatches.rung(codec, LZ4S);
                if (!serving.ready()) {
                    return ZstdRungCheck.absent(name, serving);
                }
                return body.run(codec, serving, device);
            }
        }
    }
}
