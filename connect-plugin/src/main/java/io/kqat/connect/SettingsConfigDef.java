package io.kqat.connect;

import io.kqat.codec.CodecConfig;
import io.kqat.codec.KqatSettings;
import io.kqat.codec.Setting;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The codec settings a transform takes, as Connect declares keys: derived from kqat's settings schema
 * ({@link KqatSettings}, entries taken by {@link Setting.Where#CONNECT} for the transform's direction), so the key,
 * default, validation and documentation are the same as everywhere else.
 */
final class SettingsConfigDef {
    private SettingsConfigDef() {
    }

    /** A ConfigDef holding the codec settings of a transform doing this work. */
    static ConfigDef of(Setting.Affects work) {
        ConfigDef def = new ConfigDef();
        for (Setting<?> s : KqatSettings.ALL) {
            if (s.takenBy(Setting.Where.CONNECT, work)) {
                def.define(s.key(), type(s), s.defaultValue() == null ? null : s.format(s.defaultValue()),
                        (name, value) -> check(s, value), Importance.valueOf(s.importance().name()),
                        s.doc() + " Default: " + s.defaultText() + ".");
            }
        }
        return def;
    }

    /** The codec config of the settings given in a transform's configuration. */
    static CodecConfig codecConfig(AbstractConfig config, ConfigDef def) {
        CodecConfig.Builder b = CodecConfig.builder();
        for (Setting<?> s : KqatSettings.ALL) {
            if (def.configKeys().containsKey(s.key()) && config.originals().containsKey(s.key())) {
                Object v = config.values().get(s.key());
                if (v != null) {
                    b.setText(s, v.toString());
                }
            }
        }
        return b.build();
    }

    /**
     * The configuration with the values of text-typed settings (sizes such as {@code 64m}, choices) as text, so a value
     * given as a number in a Java map means what it means in a properties file.
     */
    static Map<Object, Object> written(Map<?, ?> props) {
        Map<Object, Object> copy = new HashMap<>(props);
        for (Setting<?> s : KqatSettings.ALL) {
            Object v = copy.get(s.key());
            if (v != null && !(v instanceof String) && type(s) == Type.STRING) {
                copy.put(s.key(), v.toString());
            }
        }
        return copy;
    }

    private static Type type(Setting<?> s) {
        switch (s.type()) {
            case BOOLEAN:
                return Type.BOOLEAN;
            case INT:
                return Type.INT;
            case LONG:
                return Type.LONG;
            default:
                return Type.STRING; // sizes (64k, 256m) and choices are read by the schema
        }
    }

    private static void check(Setting<?> s, Object value) {
        if (value != null) {
            try {
                s.parse(value.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(s.key(), value, e.getMessage());
            }
        }
    }
}
