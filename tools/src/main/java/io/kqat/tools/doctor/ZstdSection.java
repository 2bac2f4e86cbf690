package io.kqat.tools.doctor;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.ZstdCodec;
import io.kqat.codec.ZstdMode;
import io.kqat.samples.KafkaLikeEvents;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The doctor's zstd part: which zstd rung serves Kafka's default level and which decodes, whether QAT serves zstd here
 * and why or why not (the device's generation, qatlib with the mapped region, the region), the levels QAT serves
 * (1-12; others stay in libzstd), the ladder, and a round trip through the chosen rung.
 */
record ZstdSection(String mode, String chosen, String decompressesWith, String qatLevels, String qat, String routes,
                   List<DoctorReport.Rung> ladder, String selfTest) {
    static final String QAT_LEVELS = "1-12 (QAT's L1-L12); negative levels and 13-22 stay in libzstd";
    private static final Pattern PART = Pattern.compile("([0-9A-Za-z_-]+) with Intel\\(R\\) QuickAssist");
    private static final int SAMPLE_BYTES = 256 << 10;

    static ZstdSection of(CodecConfig config) {
        ZstdMode mode = ZstdMode.of(config);
        try (ZstdCodec codec = ZstdCodec.create(config)) {
            int level = ZstdCodec.DEFAULT_LEVEL;
            return new ZstdSection(mode.id(), codec.backendName(level), codec.decompressBackendName(), QAT_LEVELS,
                    qat(codec, mode), codec.routes(),
                    codec.backends().stream().map(r -> DoctorReport.Rung.of(r, serves(r))).toList(),
                    selfTest(codec));
        }
    }

    boolean selfTestFailed() {
        return selfTest.startsWith("FAILED");
    }

    /** Whether QAT serves zstd here: the serving QAT rung and what it stands on, or each QAT rung's reason. */
    static String qat(ZstdCodec codec, ZstdMode mode) {
        if (mode == ZstdMode.OFF || mode == ZstdMode.SOFTWARE) {
            return "not used: zstd.mode " + mode.id();
        }
        List<BackendStatus> device = codec.backends().stream().filter(BackendStatus::device).toList();
        BackendStatus serving = device.stream().filter(BackendStatus::ready).findFirst().orElse(null);
        String others = device.stream().filter(r -> r != serving)
                .map(r -> r.name() + (r.ready() ? " ready too" : ": " + r.skipReason())).collect(Collectors.joining("; "));
        if (serving == null) {
            return "not available (libzstd serves zstd): " + others;
        }
        String path = serving.name().equals("qat-zstd") ? "native zstd (Gen6)"
                : "LZ4s match-finding entropy-coded by libzstd (Gen4/Gen5; Gen6 from qatlib 26.08)";
        return "available: " + serving.name() + " serves levels 1-12 with " + path + " on " + parts(serving)
                + "; qatlib with the mapped region (qaeMemMapContiguousIova, 26.02+), region " + serving.mode()
                + (others.isEmpty() ? "" : "; " + others);
    }

    /** zstd's levels 1-22 a rung compresses (the routes say the negative ones) and whether it decodes. */
    static String serves(BackendStatus rung) {
        StringBuilder levels = new StringBuilder();
        for (int l = 1, start = -1; l <= ZstdCodec.MAX_LEVEL + 1; l++) {
            boolean yes = l <= ZstdCodec.MAX_LEVEL && rung.compresses(l);
            if (yes && start < 0) {
                start = l;
            } else if (!yes && start > 0) {
                levels.append(levels.length() == 0 ? "" : ",").append(start == l - 1 ? "" + start : start + "-" + (l - 1));
                start = -1;
            }
        }
        return "levels " + (levels.length() == 0 ? "none of 1-22" : levels) + (rung.inflates() ? ", decode" : ", no decode");
    }

    private static String parts(BackendStatus rung) {
        Matcher m = PART.matcher(rung.detail().summary());
        TreeSet<String> parts = new TreeSet<>();
        while (m.find()) {
            parts.add(m.group(1));
        }
        return parts.isEmpty() ? "a device of unknown part" : String.join(", ", parts);
    }

    /** One round trip of Kafka-like records through the rung that serves level 3, when kqat serves zstd at all. */
    private static String selfTest(ZstdCodec codec) {
        if (!codec.compresses(ZstdCodec.DEFAULT_LEVEL) || !codec.decodes()) {
            return "not run: no zstd rung of kqat is ready (Kafka keeps its own zstd)";
        }
        byte[] sample = new KafkaLikeEvents(1).fill(SAMPLE_BYTES);
        try {
            byte[] frame = codec.compress(sample, ZstdCodec.DEFAULT_LEVEL);
            return Arrays.equals(codec.decompress(frame), sample)
                    ? String.format("%s (256 KiB of JSON events at level 3 through %s, ratio %.2f)",
                            DoctorReport.SELF_TEST_OK, codec.backendName(ZstdCodec.DEFAULT_LEVEL),
                            (double) sample.length / frame.length)
                    : "FAILED: round trip changed the data";
        } catch (RuntimeException e) {
            return "FAILED: " + e;
        }
    }
}
