package io.kqat.connect;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.Setting;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/**
 * The options of the kqat transforms, as Kafka's own transforms declare theirs: the codec settings from kqat's schema
 * ({@link SettingsConfigDef}), and the transforms' own.
 */
final class GzipTransformConfig extends AbstractConfig {
    static final String MIN_SIZE = "min.size.bytes";
    static final String HEADER = "header.name";
    static final String ON_NOT_GZIP = "on.not.gzip";
    static final String OUTPUT = "output.type";

    static final String DEFAULT_HEADER = "kqat-gzip";

    private static ConfigDef common(Setting.Affects work) {
        return SettingsConfigDef.of(work)
                .define(HEADER, Type.STRING, DEFAULT_HEADER, Importance.MEDIUM,
                        "Header that marks a record whose field was gzipped by GzipCompress. GzipDecompress "
                                + "decompresses marked records only and removes the header. Empty: no header is set, and "
                                + "GzipDecompress recognises gzip by its magic bytes instead.");
    }

    static final ConfigDef COMPRESS = common(Setting.Affects.COMPRESSION)
            .define(MIN_SIZE, Type.INT, 0, Range.atLeast(0), Importance.LOW,
                    "Fields shorter than this many bytes pass through uncompressed and unmarked: tiny records gain "
                            + "nothing from gzip.");

    static final ConfigDef DECOMPRESS = common(Setting.Affects.DECOMPRESSION)
            .define(ON_NOT_GZIP, Type.STRING, "fail", ValidString.in("fail", "pass"), Importance.MEDIUM,
                    "What to do with a field that is not gzip (with header.name empty) : fail the task, or pass the "
                            + "record through unchanged.")
            .define(OUTPUT, Type.STRING, "bytes", ValidString.in("bytes", "string"), Importance.MEDIUM,
                    "Type of the decompressed field: bytes (schema BYTES) or string (UTF-8, schema STRING).");

    private final ConfigDef def;

    GzipTransformConfig(ConfigDef def, Map<?, ?> props) {
        super(def, SettingsConfigDef.written(props));
        this.def = def;
    }

    /** The codec settings given to this transform. */
    CodecConfig codecConfig() {
        return SettingsConfigDef.codecConfig(this, def);
    }

    /** The marker header's name, or null when none is used. */
    String header() {
        String h = getString(HEADER);
        return h == null || h.isBlank() ? null : h.trim();
    }
}
