package io.kqat.connect;

import io.kqat.codec.CorruptGzipException;
import io.kqat.codec.GzipCodec;
import io.kqat.codec.OutputLimitExceededException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Gunzips a record's key ({@link Key}) or value ({@link Value}) with the kqat codec; any valid gzip is accepted. With
 * a marker header configured, only records carrying it are decompressed (the header is removed); without one, gzip
 * is recognised by its magic bytes and {@code on.not.gzip} decides what happens to anything else. Null fields pass.
 */
public abstract class GzipDecompress<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
    public static final String OVERVIEW_DOC = "Decompress a gzipped record key or value through kqat. Use "
            + "GzipDecompress$Key or GzipDecompress$Value.";
    public static final ConfigDef CONFIG_DEF = GzipTransformConfig.DECOMPRESS;

    private final RecordField field;
    private GzipCodec codec;
    private String header;
    private boolean passNotGzip;
    private boolean asString;

    GzipDecompress(RecordField field) {
        this.field = field;
    }

    @Override
    public void configure(Map<String, ?> props) {
        GzipTransformConfig config = new GzipTransformConfig(CONFIG_DEF, props);
        codec = GzipCodec.shared(config.codecConfig());
        header = config.header();
        passNotGzip = config.getString(GzipTransformConfig.ON_NOT_GZIP).equals("pass");
        asString = config.getString(GzipTransformConfig.OUTPUT).equals("string");
    }

    @Override
    public R apply(R record) {
        Object current = field.get(record);
        if (current == null) {
            return record;
        }
        Headers headers = record.headers();
        if (header != null && headers.lastWithName(header) == null) {
            return record; // not compressed by GzipCompress (under its size threshold, or never)
        }
        if (current instanceof String) {
            return notGzip(record, "a string");
        }
        byte[] data = FieldBytes.of(current, field.label(), getClass().getName());
        if (header == null && !(data.length >= 2 && data[0] == 0x1f && data[1] == (byte) 0x8b)) {
            return notGzip(record, data.length + " bytes without the gzip magic");
        }
        byte[] plain;
        try {
            plain = codec.decompress(data, 0, data.length);
        } catch (CorruptGzipException | OutputLimitExceededException e) {
            throw new DataException("cannot gunzip the " + field.label() + " of " + where(record) + ": " + e.getMessage(), e);
        }
        Headers out = headers.duplicate();
        if (header != null) {
            out.remove(header);
        }
        Schema schema = field.schema(record);
        boolean optional = schema == null || schema.isOptional();
        Object value = asString ? new String(plain, StandardCharsets.UTF_8) : plain;
        Schema outSchema = schema == null ? null
                : asString ? (optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA)
                : (optional ? Schema.OPTIONAL_BYTES_SCHEMA : Schema.BYTES_SCHEMA);
        return field.replace(record, outSchema, value, out);
    }

    private R notGzip(R record, String what) {
        if (passNotGzip) {
            return record;
        }
        throw new DataException("the " + field.label() + " of " + where(record) + " is not gzip (" + what
                + "); set on.not.gzip=pass to let such records through");
    }

    private static String where(ConnectRecord<?> record) {
        return "a record of topic " + record.topic() + (record.kafkaPartition() == null ? "" : "-" + record.kafkaPartition());
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return Versions.VERSION;
    }

    @Override
    public void close() {
        // The codec is shared by every task in this worker and closed at JVM exit.
    }

    /** Decompresses the record key. */
    public static final class Key<R extends ConnectRecord<R>> extends GzipDecompress<R> {
        public Key() {
            super(RecordField.KEY);
        }
    }

    /** Decompresses the record value. */
    public static final class Value<R extends ConnectRecord<R>> extends GzipDecompress<R> {
        public Value() {
            super(RecordField.VALUE);
        }
    }
}
