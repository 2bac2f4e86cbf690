package io.kqat.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a backend reports about itself beyond the common counters: its mode ({@code software}, {@code zero-copy},
 * {@code pinned-copy}), a one-line summary for people, and named figures for tools ({@code requests}, ...).
 */
public final class BackendDetail {
    public static final String SOFTWARE_MODE = "software";
    public static final BackendDetail SOFTWARE = new BackendDetail(SOFTWARE_MODE, "", Collections.emptyMap());

    private final String mode;
    private final String summary;
    private final Map<String, Long> figures;

    public BackendDetail(String mode, String summary, Map<String, Long> figures) {
        this.mode = mode;
        this.summary = summary;
        this.figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public String mode() {
        return mode;
    }

    /** One line for people, empty when there is nothing beyond the mode. */
    public String summary() {
        return summary;
    }

    public Map<String, Long> figures() {
        return figures;
    }

    public long figure(String name) {
        Long v = figures.get(name);
        return v == null ? 0 : v;
    }

    @Override
    public String toString() {
        return summary.isEmpty() ? mode : mode + ", " + summary;
    }
}
