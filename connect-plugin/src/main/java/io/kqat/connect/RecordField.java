package io.kqat.connect;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Headers;

/** The part of a record a transform works on: its key ({@code $Key}) or its value ({@code $Value}). */
enum RecordField {
    KEY {
        @Override
        Schema schema(ConnectRecord<?> r) {
            return r.keySchema();
        }

        @Override
        Object get(ConnectRecord<?> r) {
            return r.key();
        }

        @Override
        <R extends ConnectRecord<R>> R replace(R r, Schema schema, Object value, Headers headers) {
            return r.newRecord(r.topic(), r.kafkaPartition(), schema, value, r.valueSchema(), r.value(), r.timestamp(), headers);
        }
    },
    VALUE {
        @Override
        Schema schema(ConnectRecord<?> r) {
            return r.valueSchema();
        }

        @Override
        Object get(ConnectRecord<?> r) {
            return r.value();
        }

        @Override
        <R extends ConnectRecord<R>> R replace(R r, Schema schema, Object value, Headers headers) {
            return r.newRecord(r.topic(), r.kafkaPartition(), r.keySchema(), r.key(), schema, value, r.timestamp(), headers);
        }
    };

    abstract Schema schema(ConnectRecord<?> record);

    abstract Object get(ConnectRecord<?> record);

    /** A copy of {@code record} with this field (and its schema) replaced and the given headers. */
    abstract <R extends ConnectRecord<R>> R replace(R record, Schema schema, Object value, Headers headers);

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
