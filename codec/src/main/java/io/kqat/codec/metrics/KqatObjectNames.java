package io.kqat.codec.metrics;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The JMX names kqat registers, in one place; operators scrape them, so they never change. The strings are
 * compile-time constants on purpose: code that reads kqat's beans by name in a JVM that may run without kqat (a
 * stock consumer, the workload and stress child programs) gets them inlined by javac and needs no kqat class.
 */
public final class KqatObjectNames {
    public static final String DOMAIN = "io.kqat";
    /** The codec's bean: {@code Backend}, {@code DecompressBackend}, {@code Ladder}, {@code Totals}, ... */
    public static final String CODEC = DOMAIN + ":type=GzipCodec";
    /** The key that names a rung in its bean's name; its value is quoted ({@link ObjectName#quote}). */
    public static final String BACKEND_KEY = "backend";
    /** One rung's name is this followed by the quoted rung name: {@code io.kqat:type=GzipCodec,backend="jdk"}. */
    public static final String BACKEND_PREFIX = CODEC + "," + BACKEND_KEY + "=";
    /** A pattern matching every rung's bean. */
    public static final String EVERY_BACKEND = BACKEND_PREFIX + "*";
    /** The QAT runtime every copy of kqat in a process shares. */
    public static final String QAT_RUNTIME = DOMAIN + ":type=QatRuntime";
    /** The zstd codec's bean: {@code Backend}, {@code DecompressBackend}, {@code Ladder}, {@code Totals}, ... */
    public static final String ZSTD_CODEC = DOMAIN + ":type=ZstdCodec";
    /** One zstd rung's name is this followed by the quoted rung name: {@code io.kqat:type=ZstdCodec,backend="libzstd"}. */
    public static final String ZSTD_BACKEND_PREFIX = ZSTD_CODEC + "," + BACKEND_KEY + "=";
    /** The process's native memory bound, shared by every copy of kqat: {@code Limit}, {@code Used}, {@code Peak}, ... */
    public static final String NATIVE_MEMORY = DOMAIN + ":type=NativeMemory";

    /**
     * Whether QAT started in this process and how it is used: {@code Status}, {@code StartRefusals} (qatlib refused to
     * start, e.g. no VF left), {@code Instances}, {@code Completions}, {@code RequestsBeyondInstances} (callers that
     * found every instance busy and shared one).
     */
    public static final String QAT_DEVICE = DOMAIN + ":type=QatDevice";

    private KqatObjectNames() {
    }

    public static ObjectName codec() {
        return of(CODEC);
    }

    /** The bean of the rung called {@code rung} ({@code qat}, {@code isal}, ...). */
    public static ObjectName backend(String rung) {
        return of(BACKEND_PREFIX + ObjectName.quote(rung));
    }

    public static ObjectName everyBackend() {
        return of(EVERY_BACKEND);
    }

    public static ObjectName zstdCodec() {
        return of(ZSTD_CODEC);
    }

    /** The bean of the zstd rung called {@code rung} ({@code libzstd}, ...). */
    public static ObjectName zstdBackend(String rung) {
        return of(ZSTD_BACKEND_PREFIX + ObjectName.quote(rung));
    }

    public static ObjectName qatRuntime() {
        return of(QAT_RUNTIME);
    }

    public static ObjectName qatDevice() {
        return of(QAT_DEVICE);
    }

    /** The rung a bean of {@link #everyBackend()} is about, unquoted. */
    public static String rungOf(ObjectName backendBean) {
        return ObjectName.unquote(backendBean.getKeyProperty(BACKEND_KEY));
    }

    private static ObjectName of(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
