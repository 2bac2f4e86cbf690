package io.kqat.connect;

import io.kqat.codec.GzipCodec;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.components.Versioned;
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

    private GzipCodec codec;
    private int level;
    private int minSize;
    private String header;

    @Override
    public void configure(Map<String, ?> props) {
        GzipTransformConfig config = new GzipTransformConfig(CONFIG_DEF, props);
        codec = GzipCodec.shared(config.codecConfig(true));
        level = config.getInt(GzipTransformConfig.LEVEL);
        minSize = config.getInt(GzipTransformConfig.MIN_SIZE);
        header = config.header();
    }

    @Override
    public R apply(R record) {
        Object field = operatingValue(record);
        if (field == null) {
            return record;
        }
        byte[] plain = FieldBytes.of(field, fieldName(), getClass().getName());
        if (plain.length < minSize) {
            return record;
        }
        byte[] gz = codec.compress(plain, 0, plain.length);
        Schema schema = operatingSchema(record);
        Schema out = schema == null ? null : schema.isOptional() ? Schema.OPTIONAL_BYTES_SCHEMA : Schema.BYTES_SCHEMA;
        Headers headers = record.headers().duplicate();
        if (header != null) {
            headers.remove(header);
            headers.addString(header, "gzip");
        }
        return newRecord(record, out, gz, headers);
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

    abstract String fieldName();

    abstract Schema operatingSchema(R record);

    abstract Object operatingValue(R record);

    abstract R newRecord(R record, Schema schema, Object value, Headers headers);

    /** Compresses the record key. */
    public static final class Key<R extends ConnectRecord<R>> extends GzipCompress<R> {
        @Override
        String fieldName() {
            return "key";
        }

        @Override
        Schema operatingSchema(R record) {
            return record.keySchema();
        }

        @Override
        Object operatingValue(R record) {
            return record.key();
        }

        @Override
        R newRecord(R record, Schema schema, Object value, Headers headers) {
            return record.newRecord(record.topic(), record.kafkaPartition(), schema, value, record.valueSchema(),
                    record.value(), record.timestamp(), headers);
        }
    }

    /** Compresses the record value. */
    public static final class Value<R extends ConnectRecord<R>> extends GzipCompress<R> {
        @Override
        String fieldName() {
            return "value";
        }

        @Override
        Schema operatingSchema(R record) {
            return record.valueSchema();
        }

        @Override
        Object operatingValue(R record) {
            return record.value();
        }

        @Override
        R newRecord(R record, Schema schema, Object value, Headers headers) {
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), schema,
                    value, record.timestamp(), headers);
        }
    }
}
