package io.kqat.connect;

/** The plugin's version, from the jar manifest (set by the build), for {@code version()}. */
final class Versions {
    static final String VERSION = version();

    private Versions() {
    }

    private static String version() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
