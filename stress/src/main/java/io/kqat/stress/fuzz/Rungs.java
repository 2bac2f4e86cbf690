package io.kqat.stress.fuzz;

import io.kqat.codec.BackendStatus;
import io.kqat.codec.CodecConfig;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.KqatSettings;
import io.kqat.emulator.Emulators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One codec per decoding rung, each forced to that rung with {@code CodecConfig.builder().backend(name)}: the software
 * rungs this machine has, and {@code qat} / {@code qat-pinned} on the emulator's iova / legacy libraries.
 */
final class Rungs implements AutoCloseable {
    static final String QAT = "qat";
    static final String QAT_PINNED = "qat-pinned";
    /** The default decoding rung: whole members and piece by piece, with ISA-L's inflater. */
    static final String ISAL = "isal";
    /** Decompresses only when chosen by name (its inflater is more lenient than zlib's), as it is here. */
    static final String LIBDEFLATE = "libdeflate";

    private final Map<String, GzipCodec> codecs = new LinkedHashMap<>();

    /** @param wanted rung names, or empty for every rung that inflates here plus both QAT modes on the emulator */
    Rungs(List<String> wanted) {
        List<String> names = new ArrayList<>(wanted);
        if (names.isEmpty()) {
            try (GzipCodec probe = GzipCodec.create(CodecConfig.builder().mode(io.kqat.codec.Mode.SOFTWARE).build())) {
                for (BackendStatus s : probe.backends()) {
                    if (s.ready() && (s.inflates() || s.name().equals(ISAL) || s.name().equals(LIBDEFLATE))) {
                        names.add(s.name());
                    }
                }
            }
            names.add(0, QAT_PINNED);
            names.add(0, QAT);
        }
        for (String name : names) {
            CodecConfig.Builder b = CodecConfig.builder().backend(name);
            if (name.equals(QAT)) {
                b.setText(KqatSettings.QAT_EMULATOR, Emulators.dir("iova").toString());
            } else if (name.equals(QAT_PINNED)) {
                b.setText(KqatSettings.QAT_EMULATOR, Emulators.dir("legacy").toString());
            }
            codecs.put(name, GzipCodec.create(b.build()));
        }
    }

    Map<String, GzipCodec> codecs() {
        return codecs;
    }

    /**
     * Who really decoded on each forced codec: the rung's own decompressed batches and bytes, and those its JDK rung
     * took (a fallback, or the piece-by-piece inflater when the forced rung has none).
     */
    Map<String, String> servedBy() {
        Map<String, String> out = new LinkedHashMap<>();
        codecs.forEach((name, codec) -> {
            StringBuilder sb = new StringBuilder();
            for (BackendStatus s : codec.backends()) {
                if (s.ready() && (s.stats().getDecompressBatches() > 0 || s.name().equals(name))) {
                    sb.append(sb.length() == 0 ? "" : ", ").append(s.name()).append(": ")
                            .append(s.stats().getDecompressBatches()).append(" calls, ")
                            .append(s.stats().getDecompressBytesOut()).append(" B out, ")
                            .append(s.stats().getErrors()).append(" device faults, ")
                            .append(s.stats().getFallbacks()).append(" fallbacks");
                }
            }
            out.put(name, sb.toString());
        });
        return out;
    }

    @Override
    public void close() {
        codecs.values().forEach(GzipCodec::close);
    }
}
