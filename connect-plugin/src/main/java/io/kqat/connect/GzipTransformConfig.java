package io.kqat.connect;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.Mode;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** The options of the kqat transforms, as Kafka's own transforms declare theirs. */
final class GzipTransformConfig extends AbstractConfig {
    static final String LEVEL = "level";
    static final String MODE = "mode";
    static final String MIN_SIZE = "min.size.bytes";
    static final String HEADER = "header.name";
    static final String ON_NOT_GZIP = "on.not.gzip";
    static final String MAX_DECOMPRESSED = "max.decompressed.bytes";
    static final String OUTPUT = "output.type";

    static final String DEFAULT_HEADER = "kqat-gzip";

    private static ConfigDef common() {
        return new ConfigDef()
                .define(MODE, Type.STRING, "auto", ValidString.in("auto", "qat", "software", "jdk"), Importance.MEDIUM,
                        "Which kqat backends may serve: auto (the best available: QAT, then native software, then the "
                                + "JDK), qat (fail to start without a device), software, or jdk.")
                .define(HEADER, Type.STRING, DEFAULT_HEADER, Importance.MEDIUM,
                        "Header that marks a record whose field was gzipped by GzipCompress. GzipDecompress "
                                + "decompresses marked records only and removes the header. Empty: no header is set, and "
                                + "GzipDecompress recognises gzip by its magic bytes instead.");
    }

    static final ConfigDef COMPRESS = common()
            .define(LEVEL, Type.INT, CodecConfig.DEFAULT_LEVEL, Range.between(1, 9), Importance.MEDIUM,
                    "gzip level, 1 (fastest) to 9 (smallest), as Kafka's compression.gzip.level.")
            .define(MIN_SIZE, Type.INT, 0, Range.atLeast(0), Importance.LOW,
                    "Fields shorter than this many bytes pass through uncompressed and unmarked: tiny records gain "
                            + "nothing from gzip.");

    static final ConfigDef DECOMPRESS = common()
            .define(ON_NOT_GZIP, Type.STRING, "fail", ValidString.in("fail", "pass"), Importance.MEDIUM,
                    "What to do with a field that is not gzip (with header.name empty) : fail the task, or pass the "
                            + "record through unchanged.")
            .define(MAX_DECOMPRESSED, Type.LONG, CodecConfig.DEFAULT_MAX_DECOMPRESSED_BYTES, Range.atLeast(1),
                    Importance.LOW, "Largest decompressed field accepted; bigger ones (gzip bombs) fail the record.")
            .define(OUTPUT, Type.STRING, "bytes", ValidString.in("bytes", "string"), Importance.MEDIUM,
                    "Type of the decompressed field: bytes (schema BYTES) or string (UTF-8, schema STRING).");

    GzipTransformConfig(ConfigDef def, Map<?, ?> props) {
        super(def, props);
    }

    CodecConfig codecConfig(boolean compress) {
        CodecConfig.Builder b = CodecConfig.builder().mode(Mode.parse(getString(MODE)));
        if (compress) {
            b.level(getInt(LEVEL));
        } else {
            b.maxDecompressedBytes(getLong(MAX_DECOMPRESSED));
        }
        return b.build();
    }

    /** The marker header's name, or null when none is used. */
    String header() {
        String h = getString(HEADER);
        return h == null || h.isBlank() ? null : h.trim();
    }
}
