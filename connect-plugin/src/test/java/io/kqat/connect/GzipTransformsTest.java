package io.kqat.connect;

import static io.kqat.testkit.GzipFixtures.gunzip;
import static io.kqat.testkit.GzipFixtures.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GzipTransformsTest {
    private static final String TEXT = "{\"order\":42,\"status\":\"shipped\",\"carrier\":\"dhl\"}".repeat(20);

    private static <T extends Transformation<SourceRecord>> T configured(T t, Object... kv) {
        Map<String, Object> props = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            props.put((String) kv[i], kv[i + 1]);
        }
        t.configure(props);
        return t;
    }

    private static SourceRecord value(Schema schema, Object value) {
        return new SourceRecord(Map.of(), Map.of(), "orders", 0, Schema.STRING_SCHEMA, "k1", schema, value);
    }

    @Test
    void compressesAStringValueIntoStandardGzipAndBack() throws IOException {
        var compress = configured(new GzipCompress.Value<SourceRecord>());
        SourceRecord out = compress.apply(value(Schema.STRING_SCHEMA, TEXT));
        assertThat(out.valueSchema()).isEqualTo(Schema.BYTES_SCHEMA);
        assertThat(new String(gunzip((byte[]) out.value()), StandardCharsets.UTF_8)).isEqualTo(TEXT);
        assertThat(out.headers().lastWithName("kqat-gzip").value()).isEqualTo("gzip");
        assertThat(out.key()).isEqualTo("k1");

        var decompress = configured(new GzipDecompress.Value<SourceRecord>(), "output.type", "string");
        SourceRecord back = decompress.apply(out);
        assertThat(back.value()).isEqualTo(TEXT);
        assertThat(back.valueSchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(back.headers().lastWithName("kqat-gzip")).as("marker removed").isNull();
    }

    @Test
    void bytesAndByteBuffersAndOptionalSchemas() throws IOException {
        var compress = configured(new GzipCompress.Value<SourceRecord>(), "level", 9, "mode", "software");
        byte[] data = TEXT.getBytes(StandardCharsets.UTF_8);
        SourceRecord fromBytes = compress.apply(value(Schema.OPTIONAL_BYTES_SCHEMA, data));
        assertThat(fromBytes.valueSchema()).isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
        assertThat(gunzip((byte[]) fromBytes.value())).isEqualTo(data);
        SourceRecord fromBuffer = compress.apply(value(Schema.BYTES_SCHEMA, ByteBuffer.wrap(data)));
        assertThat(gunzip((byte[]) fromBuffer.value())).isEqualTo(data);
        SourceRecord schemaless = compress.apply(value(null, data));
        assertThat(schemaless.valueSchema()).isNull();
        var decompress = configured(new GzipDecompress.Value<SourceRecord>());
        assertThat((byte[]) decompress.apply(fromBytes).value()).isEqualTo(data);
        assertThat(decompress.apply(fromBytes).valueSchema()).isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
    }

    @Test
    void keysToo() throws IOException {
        var compress = configured(new GzipCompress.Key<SourceRecord>());
        SourceRecord out = compress.apply(value(Schema.STRING_SCHEMA, "v"));
        assertThat(out.keySchema()).isEqualTo(Schema.BYTES_SCHEMA);
        assertThat(new String(gunzip((byte[]) out.key()), StandardCharsets.UTF_8)).isEqualTo("k1");
        assertThat(out.value()).isEqualTo("v");
        var back = configured(new GzipDecompress.Key<SourceRecord>(), "output.type", "string").apply(out);
        assertThat(back.key()).isEqualTo("k1");
    }

    @Test
    void tombstonesAndEmptyValues() throws IOException {
        var compress = configured(new GzipCompress.Value<SourceRecord>());
        SourceRecord tombstone = value(Schema.OPTIONAL_BYTES_SCHEMA, null);
        assertThat(compress.apply(tombstone)).isSameAs(tombstone);
        assertThat(configured(new GzipDecompress.Value<SourceRecord>()).apply(tombstone)).isSameAs(tombstone);
        SourceRecord empty = compress.apply(value(Schema.BYTES_SCHEMA, new byte[0]));
        assertThat(gunzip((byte[]) empty.value())).isEmpty();
        assertThat((byte[]) configured(new GzipDecompress.Value<SourceRecord>()).apply(empty).value()).isEmpty();
    }

    @Test
    void recordsUnderTheMinimumSizePassUnmarkedAndDecompressLeavesThem() {
        var compress = configured(new GzipCompress.Value<SourceRecord>(), "min.size.bytes", 100);
        SourceRecord small = value(Schema.STRING_SCHEMA, "tiny");
        assertThat(compress.apply(small)).isSameAs(small);
        SourceRecord big = compress.apply(value(Schema.STRING_SCHEMA, TEXT));
        assertThat(big.valueSchema()).isEqualTo(Schema.BYTES_SCHEMA);
        var decompress = configured(new GzipDecompress.Value<SourceRecord>(), "output.type", "string");
        assertThat(decompress.apply(small)).isSameAs(small);
        assertThat(decompress.apply(big).value()).isEqualTo(TEXT);
    }

    @Test
    void withoutAHeaderGzipIsRecognisedByItsMagicAndOthersFailOrPass() throws IOException {
        var compress = configured(new GzipCompress.Value<SourceRecord>(), "header.name", "");
        SourceRecord out = compress.apply(value(Schema.STRING_SCHEMA, TEXT));
        assertThat(out.headers().size()).isZero();
        var strict = configured(new GzipDecompress.Value<SourceRecord>(), "header.name", "");
        assertThat(new String((byte[]) strict.apply(out).value(), StandardCharsets.UTF_8)).isEqualTo(TEXT);
        SourceRecord plain = value(Schema.BYTES_SCHEMA, "plain".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> strict.apply(plain)).isInstanceOf(DataException.class)
                .hasMessageContaining("not gzip").hasMessageContaining("on.not.gzip=pass");
        var lenient = configured(new GzipDecompress.Value<SourceRecord>(), "header.name", "", "on.not.gzip", "pass");
        assertThat(lenient.apply(plain)).isSameAs(plain);
        // Gzip written by anyone (here the JDK) decodes too.
        byte[] jdkGzip = gzip(TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(new String((byte[]) strict.apply(value(Schema.BYTES_SCHEMA, jdkGzip)).value(),
                StandardCharsets.UTF_8)).isEqualTo(TEXT);
    }

    @Test
    void corruptMarkedDataFailsClearly() {
        var decompress = configured(new GzipDecompress.Value<SourceRecord>());
        SourceRecord bad = value(Schema.BYTES_SCHEMA, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2});
        bad.headers().addString("kqat-gzip", "gzip");
        assertThatThrownBy(() -> decompress.apply(bad)).isInstanceOf(DataException.class)
                .hasMessageContaining("cannot gunzip the value of a record of topic orders-0");
    }

    @Test
    void aDecompressionBombIsRefused() throws IOException {
        byte[] bomb = gzip(new byte[8 << 20]);
        var decompress = configured(new GzipDecompress.Value<SourceRecord>(), "header.name", "",
                "max.decompressed.bytes", 1 << 20);
        assertThatThrownBy(() -> decompress.apply(value(Schema.BYTES_SCHEMA, bomb)))
                .isInstanceOf(DataException.class).hasMessageContaining("cannot gunzip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"struct", "map", "number"})
    void structuredValuesAreRefusedWithTheConverterToUse(String kind) {
        Schema structSchema = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();
        SourceRecord r = switch (kind) {
            case "struct" -> value(structSchema, new Struct(structSchema).put("id", 1));
            case "map" -> value(null, Map.of("id", 1));
            default -> value(Schema.INT32_SCHEMA, 7);
        };
        var compress = configured(new GzipCompress.Value<SourceRecord>());
        assertThatThrownBy(() -> compress.apply(r)).isInstanceOf(DataException.class)
                .hasMessageContaining("value.converter=org.apache.kafka.connect.converters.ByteArrayConverter");
    }

    @Test
    void invalidOptionsAreRejectedByName() {
        assertThatThrownBy(() -> configured(new GzipCompress.Value<SourceRecord>(), "level", 12))
                .isInstanceOf(ConfigException.class).hasMessageContaining("level");
        assertThatThrownBy(() -> configured(new GzipCompress.Value<SourceRecord>(), "mode", "turbo"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mode");
        assertThatThrownBy(() -> configured(new GzipDecompress.Value<SourceRecord>(), "on.not.gzip", "ignore"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("on.not.gzip");
    }

    @Test
    void configDefsAreDocumentedAndVersioned() {
        for (var def : List.of(GzipCompress.CONFIG_DEF, GzipDecompress.CONFIG_DEF)) {
            def.configKeys().values().forEach(k -> assertThat(k.documentation).as(k.name).isNotBlank());
        }
        assertThat(new GzipCompress.Value<SourceRecord>().version()).isNotBlank();
    }
}
