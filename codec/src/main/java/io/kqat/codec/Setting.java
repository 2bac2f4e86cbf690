package io.kqat.codec;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One kqat setting, declared the way Kafka's {@code ConfigDef} declares a key: its key, type, default, validation,
 * importance and documentation, and where it is accepted. Every front end (the agent, a Kafka client's configuration,
 * the Connect transforms, the {@code kqat} command, system properties) spells it with this key and parses it here, so
 * a value means the same everywhere. Instances are the entries of {@link KqatSettings}.
 *
 * @param <T> the Java type of the value
 */
public final class Setting<T> {

    /** How a value is written. */
    public enum Type {
        BOOLEAN("true or false"),
        INT("a whole number"),
        LONG("a whole number"),
        /** A byte count: a whole number, optionally with a {@code k}, {@code m} or {@code g} suffix (powers of 1024). */
        SIZE("a size such as 65536, 64k, 64m or 1g"),
        STRING("text"),
        /** One of a fixed list of lower-case words. */
        CHOICE("one of the listed words");

        private final String expected;

        Type(String expected) {
            this.expected = expected;
        }

        public String expected() {
            return expected;
        }
    }

    /** As Kafka's {@code ConfigDef.Importance}. */
    public enum Importance { HIGH, MEDIUM, LOW }

    /** What a setting changes: a front end that only compresses (or only decompresses) takes only what affects that. */
    public enum Affects { COMPRESSION, DECOMPRESSION, BOTH;

        public boolean compression() {
            return this != DECOMPRESSION;
        }

        public boolean decompression() {
            return this != COMPRESSION;
        }
    }

    /** The places a setting can be given. */
    public enum Where {
        /** {@code -javaagent:kqat-agent.jar=key=value,...} and {@code kqat.}-prefixed keys of a Kafka client's or broker's configuration. */
        AGENT("the agent"),
        /** The Connect transforms' configuration. */
        CONNECT("the Connect transforms"),
        /** The {@code kqat} command's options ({@code --key-with-dashes}). */
        CLI("the kqat command"),
        /** A JVM system property {@code kqat.<key>}, the default under every other source. */
        SYSTEM_PROPERTY("system properties");

        private final String label;

        Where(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final String key;
    private final Type type;
    private final Class<T> javaType;
    private final T defaultValue;
    private final String defaultText;
    private final long min;
    private final long max;
    private final List<String> choices;
    private final Importance importance;
    private final String doc;
    private final Set<Where> where;
    private final List<String> aliases;
    private final Affects affects;

    private Setting(Builder<T> b) {
        this.key = b.key;
        this.type = b.type;
        this.javaType = b.javaType;
        this.defaultValue = b.defaultValue;
        this.defaultText = b.defaultText;
        this.min = b.min;
        this.max = b.max;
        this.choices = b.choices;
        this.importance = b.importance;
        this.doc = b.doc;
        this.where = Collections.unmodifiableSet(b.where);
        this.aliases = b.aliases;
        this.affects = b.affects;
    }

    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    public Class<T> javaType() {
        return javaType;
    }

    /** The value when none is given, or null when there is none (or it depends on other settings: {@link #defaultText()}). */
    public T defaultValue() {
        return defaultValue;
    }

    /** The default as documentation shows it. */
    public String defaultText() {
        return defaultText != null ? defaultText : defaultValue == null ? "none" : format(defaultValue);
    }

    /** Smallest accepted number, for {@link Type#INT}, {@link Type#LONG} and {@link Type#SIZE}. */
    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** The accepted words of a {@link Type#CHOICE}, else empty. */
    public List<String> choices() {
        return choices;
    }

    public Importance importance() {
        return importance;
    }

    public String doc() {
        return doc;
    }

    public Set<Where> where() {
        return where;
    }

    public boolean acceptedBy(Where w) {
        return where.contains(w);
    }

    public Affects affects() {
        return affects;
    }

    /** Whether a front end doing this work takes the setting. */
    public boolean takenBy(Where where, Affects work) {
        return acceptedBy(where) && (work == Affects.BOTH || affects == Affects.BOTH || affects == work);
    }

    /** Earlier spellings still accepted, with a deprecation warning naming {@link #key()}. */
    public List<String> aliases() {
        return aliases;
    }

    /** The system property that sets it: {@code kqat.<key>}. */
    public String systemProperty() {
        return "kqat." + key;
    }

    /** The command line option that sets it: {@code --<key with dots as dashes>}. */
    public String cliOption() {
        return "--" + key.replace('.', '-');
    }

    /**
     * Parses and validates a value as written in any front end.
     *
     * @throws IllegalArgumentException naming the key, the value and what is expected
     */
    public T parse(String text) {
        Objects.requireNonNull(text, key);
        String t = text.trim();
        Object v;
        switch (type) {
            case BOOLEAN:
                if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                    throw invalid(text);
                }
                v = Boolean.parseBoolean(t);
                break;
            case INT:
                v = (int) number(text, parseLong(t, text));
                break;
            case LONG:
                v = number(text, parseLong(t, text));
                break;
            case SIZE:
                v = number(text, parseSize(t, text));
                break;
            case CHOICE:
                String word = t.toLowerCase(Locale.ROOT);
                if (!choices.contains(word)) {
                    throw invalid(text);
                }
                v = word;
                break;
            default:
                v = t;
        }
        return javaType.cast(v);
    }

    /** Checks a typed value as {@link #parse} checks a written one. */
    public T validate(T value) {
        Objects.requireNonNull(value, key);
        if (value instanceof Number) {
            number(String.valueOf(value), ((Number) value).longValue());
        } else if (type == Type.CHOICE && !choices.contains(value)) {
            throw invalid(String.valueOf(value));
        }
        return value;
    }

    /** The value written as {@link #parse} reads it. */
    public String format(Object value) {
        if (type == Type.SIZE && value instanceof Long) {
            return formatSize((Long) value);
        }
        return String.valueOf(value);
    }

    private long number(String text, long n) {
        if (n < min || n > max) {
            throw invalid(text);
        }
        return n;
    }

    private long parseLong(String t, String text) {
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    private long parseSize(String t, String text) {
        String s = t.toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            s = s.substring(0, s.length() - 1);
        }
        try {
            return Math.multiplyExact(Long.parseLong(s), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(text);
        }
    }

    private static String formatSize(long n) {
        if (n != 0 && n % (1L << 30) == 0) {
            return n / (1L << 30) + "g";
        }
        if (n != 0 && n % (1L << 20) == 0) {
            return n / (1L << 20) + "m";
        }
        if (n != 0 && n % (1L << 10) == 0) {
            return n / (1L << 10) + "k";
        }
        return Long.toString(n);
    }

    /** What a value must be, for messages and documentation: {@code 1..9}, {@code at least 1}, {@code true or false}. */
    public String expected() {
        switch (type) {
            case CHOICE:
                return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
            case INT:
            case LONG:
            case SIZE:
                boolean unbounded = max == Long.MAX_VALUE || max == Integer.MAX_VALUE;
                String range = unbounded ? "at least " + format(min) : format(min) + ".." + format(max);
                return type == Type.SIZE ? "a size (65536, 64k, 64m, 1g) of " + range : range;
            default:
                return type.expected();
        }
    }

    private IllegalArgumentException invalid(String text) {
        if (type == Type.CHOICE) {
            return new InvalidSettingException(this, text, "unknown kqat " + key + " '" + text + "' (expected "
                    + expected() + ")");
        }
        return new InvalidSettingException(this, text, "kqat setting " + key + " must be " + expected() + ", got '"
                + text + "'");
    }

    /** A value its setting refuses; front ends name the setting their own way ({@link #value()} is as written). */
    public static final class InvalidSettingException extends IllegalArgumentException {
        private final transient Setting<?> setting;
        private final String value;

        InvalidSettingException(Setting<?> setting, String value, String message) {
            super(message);
            this.setting = setting;
            this.value = value;
        }

        public Setting<?> setting() {
            return setting;
        }

        public String value() {
            return value;
        }
    }

    @Override
    public String toString() {
        return key;
    }

    static <T> Builder<T> builder(String key, Type type, Class<T> javaType) {
        return new Builder<>(key, type, javaType);
    }

    static final class Builder<T> {
        private final String key;
        private final Type type;
        private final Class<T> javaType;
        private T defaultValue;
        private String defaultText;
        private long min = Long.MIN_VALUE;
        private long max = Long.MAX_VALUE;
        private List<String> choices = Collections.emptyList();
        private Importance importance = Importance.MEDIUM;
        private String doc = "";
        private Set<Where> where = EnumSet.allOf(Where.class);
        private List<String> aliases = Collections.emptyList();
        private Affects affects = Affects.BOTH;

        private Builder(String key, Type type, Class<T> javaType) {
            this.key = key;
            this.type = type;
            this.javaType = javaType;
            if (type == Type.INT) {
                min = Integer.MIN_VALUE;
                max = Integer.MAX_VALUE;
            }
        }

        Builder<T> defaultValue(T value) {
            this.defaultValue = value;
            return this;
        }

        /** A default that depends on other settings, as documentation states it (the value is then null). */
        Builder<T> defaultText(String text) {
            this.defaultText = text;
            return this;
        }

        Builder<T> range(long min, long max) {
            this.min = min;
            this.max = max;
            return this;
        }

        Builder<T> choices(String... words) {
            this.choices = Collections.unmodifiableList(Arrays.asList(words));
            return this;
        }

        Builder<T> importance(Importance importance) {
            this.importance = importance;
            return this;
        }

        Builder<T> doc(String doc) {
            this.doc = doc;
            return this;
        }

        Builder<T> where(Where first, Where... rest) {
            this.where = EnumSet.of(first, rest);
            return this;
        }

        Builder<T> affects(Affects affects) {
            this.affects = affects;
            return this;
        }

        Builder<T> aliases(String... earlier) {
            this.aliases = Collections.unmodifiableList(Arrays.asList(earlier));
            return this;
        }

        Setting<T> build() {
            Setting<T> s = new Setting<>(this);
            if (s.defaultValue != null) {
                s.validate(s.defaultValue);
            }
            return s;
        }
    }
}
