package io.kqat.connect;

import io.kqat.codec.GzipCodec;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Gzips a record's key ({@link Key}) or value ({@link Value}) with the kqat codec: one standard gzip member that any
 * consumer reads. Bytes and strings (as UTF-8) are accepted; the result is BYTES. Null fields (tombstones) and fields
 * under {@code min.size.bytes} pass through untouched; compressed records get the {@code header.name} header.
 */
public abstract class GzipCompress<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
    public static final String OVERVIEW_DOC = "Compress the record key or value with gzip through kqat (QAT, ISA-L, "
            + "libdeflate or the JDK). Use GzipCompress$Key or GzipCompress$Value.";
    public static final ConfigDef CONFIG_DEF = GzipTransformConfig.COMPRESS;

    private final RecordField field;
    private GzipCodec codec;
    private int level;
    private int minSize;
    private String header;

    GzipCompress(RecordField field) {
        this.field = field;
    }

    @Override
    public void configure(Map<String, ?> props) {
        GzipTransformConfig config = new GzipTransformConfig(CONFIG_DEF, props);
        codec = GzipCodec.shared(config.codecConfig());
        level = config.codecConfig().level();
        minSize = config.getInt(GzipTransformConfig.MIN_SIZE);
        header = config.header();
    }

    @Override
    public R apply(R record) {
        Object current = field.get(record);
        if (current == null) {
            return record;
        }
        byte[] plain = FieldBytes.of(current, field.label(), getClass().getName());
        if (plain.length < minSize) {
            return record;
        }
        byte[] gz = codec.compress(plain, 0, plain.length);
        Schema schema = field.schema(record);
        Schema out = schema == null ? null : schema.isOptional() ? Schema.OPTIONAL_BYTES_SCHEMA : Schema.BYTES_SCHEMA;
        Headers headers = record.headers().duplicate();
        if (header != null) {
            headers.remove(header);
            headers.addString(header, "gzip");
        }
        return field.replace(record, out, gz, headers);
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

    /** Compresses the record key. */
    public static final class Key<R extends ConnectRecord<R>> extends GzipCompress<R> {
        public Key() {
            super(RecordField.KEY);
        }
    }

    /** Compresses the record value. */
    public static final class Value<R extends ConnectRecord<R>> extends GzipCompress<R> {
        public Value() {
            super(RecordField.VALUE);
        }
    }
}
