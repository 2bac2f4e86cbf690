package io.kqat.codec.backend.qat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.codec.KqatSettings;
import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.emulator.EmulatorControl;
import io.kqat.samples.KafkaLikeEvents;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 8: two copies of kqat's codec in one JVM, each in its own class loader (as the agent and the Connect
 * plugin are in a worker), share one qatlib runtime and one region: one start, one mapping, and the copy that closes
 * first does not stop qatlib under the other.
 */
class TwoClassLoadersTest {
    private final EmulatorControl emu = Emulator.control("iova");

    @Test
    void twoCopiesOfTheCodecShareOneRuntimeAndOneRegion() throws Exception {
        assertThat(emu.counter("process_started")).as("no runtime before").isZero();
        long sessions = emu.counter("sessions_outstanding");
        try (URLClassLoader a = isolated(); URLClassLoader b = isolated()) {
            Copy first = new Copy(a);
            Copy second = new Copy(b);
            assertThat(first.codecClass).isNotSameAs(second.codecClass);
            byte[] data = new KafkaLikeEvents(31).fill(200_000);
            assertThat(first.backendName()).isEqualTo("qat");
            assertThat(second.backendName()).isEqualTo("qat");
            assertThat(first.roundTrip(data)).isEqualTo(data);
            assertThat(second.roundTrip(data)).isEqualTo(data);
            assertThat(emu.counter("mappings_outstanding")).as("IOVA mappings: one region for both").isEqualTo(1);
            assertThat(emu.counter("process_started")).isEqualTo(1);

            first.close();
            assertThat(emu.counter("process_started")).as("qatlib after the first copy closed").isEqualTo(1);
            assertThat(emu.counter("mappings_outstanding")).isEqualTo(1);
            long errors = second.qatErrors();
            for (int i = 0; i < 5; i++) {
                assertThat(second.roundTrip(data)).isEqualTo(data);
            }
            assertThat(second.qatErrors()).as("the second copy's requests after the first left").isEqualTo(errors);
            assertThat(second.qatCompressBatches()).isGreaterThanOrEqualTo(6);
            second.close();
        }
        assertThat(emu.counter("process_started")).isZero();
        assertThat(emu.counter("mappings_outstanding")).isZero();
        assertThat(emu.counter("sessions_outstanding")).as("sessions left").isEqualTo(sessions);
    }

    /**
     * Issue 18 item 1: only the copy that starts qatlib sets the instances' response mode, when nothing can be in
     * flight (qatlib 26.08 refuses a switch with requests in flight); a copy that joins waits as the first one chose,
     * and says why.
     */
    @Test
    void aCopyThatJoinsNeverSwitchesTheInstancesMode() throws Exception {
        try (URLClassLoader a = isolated(); URLClassLoader b = isolated()) {
            Copy polling = new Copy(a, KqatSettings.QAT_COMPLETION.key(), "poll");
            Copy joining = new Copy(b);
            byte[] data = new KafkaLikeEvents(32).fill(100_000);
            assertThat(polling.roundTrip(data)).isEqualTo(data);
            assertThat(joining.roundTrip(data)).isEqualTo(data);
            assertThat(polling.summary()).contains("completions polled with adaptive backoff (qat.completion=poll)");
            assertThat(joining.summary()).as("auto, on the 26.08 emulator, yet joining a polled start").contains(
                    "completions polled with adaptive backoff (another copy of kqat in this process started the "
                    + "instances polled)");
            joining.close();
            polling.close();
        }
        try (URLClassLoader a = isolated(); URLClassLoader b = isolated()) {
            Copy first = new Copy(a);
            Copy joining = new Copy(b);
            assertThat(first.summary()).contains("completions event-driven");
            assertThat(joining.summary()).as("its own epoll on the same VF eventfd").contains("completions event-driven");
            byte[] data = new KafkaLikeEvents(33).fill(100_000);
            assertThat(joining.roundTrip(data)).isEqualTo(data);
            assertThat(first.roundTrip(data)).isEqualTo(data);
            first.close();
            joining.close();
        }
    }

    /** The codec's classes, JNA and SLF4J in a loader of their own, sharing nothing with this test's but the JDK. */
    private static URLClassLoader isolated() throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(QatProcess.class.getProtectionDomain().getCodeSource().getLocation());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Paths.get(entry).getFileName().toString();
            if (name.startsWith("jna-") || name.startsWith("slf4j-api-")) {
                urls.add(Paths.get(entry).toUri().toURL());
            }
        }
        assertThat(urls).hasSize(3);
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    /** One codec in one loader, driven through its public API by reflection. */
    private static final class Copy {
        final Class<?> codecClass;
        private final Object codec;

        /** @param settings more settings, key then value */
        Copy(ClassLoader loader, String... settings) throws Exception {
            Class<?> config = Class.forName("io.kqat.codec.CodecConfig", true, loader);
            Object builder = config.getMethod("builder").invoke(null);
            Method option = builder.getClass().getMethod("set", String.class, String.class);
            option.invoke(builder, KqatSettings.QAT_EMULATOR.key(), Emulator.dir("iova").toString());
            option.invoke(builder, KqatSettings.QAT_REGION_BYTES.key(), Long.toString(8L << 20));
            option.invoke(builder, KqatSettings.QAT_TIMEOUT_MS.key(), "5000");
            for (int i = 0; i < settings.length; i += 2) {
                option.invoke(builder, settings[i], settings[i + 1]);
            }
            Object built = builder.getClass().getMethod("build").invoke(builder);
            codecClass = Class.forName("io.kqat.codec.GzipCodec", true, loader);
            codec = codecClass.getMethod("create", config).invoke(null, built);
        }

        String backendName() throws Exception {
            return (String) codecClass.getMethod("backendName").invoke(codec);
        }

        byte[] roundTrip(byte[] data) throws Exception {
            byte[] gz = (byte[]) codecClass.getMethod("compress", byte[].class).invoke(codec, (Object) data);
            return (byte[]) codecClass.getMethod("decompress", byte[].class).invoke(codec, (Object) gz);
        }

        private Object qatStats() throws Exception {
            Object status = qatStatus();
            return status.getClass().getMethod("stats").invoke(status);
        }

        private Object qatStatus() throws Exception {
            return codecClass.getMethod("backend", String.class).invoke(codec, "qat");
        }

        /** The QAT rung's one-line summary (how completions arrive, among others). */
        String summary() throws Exception {
            Object detail = qatStatus().getClass().getMethod("detail").invoke(qatStatus());
            return (String) detail.getClass().getMethod("summary").invoke(detail);
        }

        long qatErrors() throws Exception {
            Object stats = qatStats();
            return (long) stats.getClass().getMethod("getErrors").invoke(stats);
        }

        long qatCompressBatches() throws Exception {
            Object stats = qatStats();
            return (long) stats.getClass().getMethod("getCompressBatches").invoke(stats);
        }

        void close() throws Exception {
            codecClass.getMethod("close").invoke(codec);
        }
    }
}
