package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.KqatSettings;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One copy of kqat's codec in a class loader of its own (as the agent and the Connect plugin are in a worker), on the
 * emulator, driven through its public API by reflection.
 */
final class IsolatedCodec implements AutoCloseable {
    final Class<?> codecClass;
    private final Object codec;

    IsolatedCodec(ClassLoader loader, String variant) throws Exception {
        this(loader, variant, Map.of());
    }

    /** @param settings set after the emulator's defaults, by key */
    IsolatedCodec(ClassLoader loader, String variant, Map<String, String> settings) throws Exception {
        Class<?> config = Class.forName("io.kqat.codec.CodecConfig", true, loader);
        Object builder = config.getMethod("builder").invoke(null);
        Method option = builder.getClass().getMethod("set", String.class, String.class);
        option.invoke(builder, KqatSettings.QAT_EMULATOR.key(), Emulator.dir(variant).toString());
        option.invoke(builder, KqatSettings.QAT_REGION_BYTES.key(), Long.toString(8L << 20));
        option.invoke(builder, KqatSettings.QAT_TIMEOUT_MS.key(), "5000");
        for (Map.Entry<String, String> e : settings.entrySet()) {
            option.invoke(builder, e.getKey(), e.getValue());
        }
        Object built = builder.getClass().getMethod("build").invoke(builder);
        codecClass = Class.forName("io.kqat.codec.GzipCodec", true, loader);
        codec = codecClass.getMethod("create", config).invoke(null, built);
    }

    /** The codec's classes (this build's, or those in {@code codecClasses}), JNA and SLF4J; nothing else but the JDK. */
    static URLClassLoader loader(Path codecClasses) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(codecClasses.toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Paths.get(entry).getFileName().toString();
            if (name.startsWith("jna-") || name.startsWith("slf4j-api-")) {
                urls.add(Paths.get(entry).toUri().toURL());
            }
        }
        assertThat(urls).hasSize(3);
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    static URLClassLoader loader() throws Exception {
        return loader(thisBuild());
    }

    /** Where this build's codec classes are. */
    static Path thisBuild() throws Exception {
        return Paths.get(QatProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    String backendName() throws Exception {
        return (String) codecClass.getMethod("backendName").invoke(codec);
    }

    byte[] roundTrip(byte[] data) throws Exception {
        byte[] gz = (byte[]) codecClass.getMethod("compress", byte[].class).invoke(codec, (Object) data);
        return (byte[]) codecClass.getMethod("decompress", byte[].class).invoke(codec, (Object) gz);
    }

    /** The QAT rung's detail, one line: the device's health included. */
    String qatSummary() throws Exception {
        Object status = codecClass.getMethod("backend", String.class).invoke(codec, "qat");
        Object detail = status.getClass().getMethod("detail").invoke(status);
        return (String) detail.getClass().getMethod("summary").invoke(detail);
    }

    /** Why the named rung was skipped, or null when it is ready. */
    String skipReason(String rung) throws Exception {
        Object status = codecClass.getMethod("backend", String.class).invoke(codec, rung);
        return (String) status.getClass().getMethod("skipReason").invoke(status);
    }

    private Object qatStats() throws Exception {
        Object status = codecClass.getMethod("backend", String.class).invoke(codec, "qat");
        return status.getClass().getMethod("stats").invoke(status);
    }

    long qatErrors() throws Exception {
        Object stats = qatStats();
        return (long) stats.getClass().getMethod("getErrors").invoke(stats);
    }

    long qatCompressBatches() throws Exception {
        Object stats = qatStats();
        return (long) stats.getClass().getMethod("getCompressBatches").invoke(stats);
    }

    @Override
    public void close() throws Exception {
        codecClass.getMethod("close").invoke(codec);
    }
}
