package io.kqat.codec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value for every setting of the schema that differs from its default, as a front end would receive it: front-end
 * tests give each one and check it arrives, so a setting accepted and then dropped on some path fails a test.
 */
public final class SettingSamples {
    private SettingSamples() {
    }

    /** The sample of one setting, written as a user would write it. */
    public static String of(Setting<?> s) {
        switch (s.type()) {
            case BOOLEAN:
                return Boolean.toString(!Boolean.TRUE.equals(s.defaultValue()));
            case INT:
            case LONG:
                return Long.toString(s.max() < 1000 ? s.max() : s.min() + 7);
            case SIZE:
                return s.min() <= 4L << 20 ? "4m" : (2 * s.min() >> 20) + "m";
            case CHOICE:
                return s.choices().get(s.choices().size() - 1).equals(s.defaultValue())
                        ? s.choices().get(0) : s.choices().get(s.choices().size() - 1);
            default:
                return s == KqatSettings.BACKEND ? "jdk" : "/sample/" + s.key();
        }
    }

    /** The samples of every setting taken in one place, by key. */
    public static Map<String, String> takenBy(Setting.Where where, Setting.Affects work) {
        Map<String, String> samples = new LinkedHashMap<>();
        for (Setting<?> s : KqatSettings.ALL) {
            if (s.takenBy(where, work)) {
                samples.put(s.key(), of(s));
            }
        }
        return samples;
    }

    /** True when {@code config} holds the sample of {@code s} (parsed as the schema parses it). */
    public static boolean arrived(CodecConfig config, Setting<?> s) {
        return config.isSet(s) && s.parse(of(s)).equals(config.get(s));
    }
}
