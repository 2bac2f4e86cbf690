package io.kqat.stress.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The stock consumer's JVM has no kqat: reading kqat's beans by name there needs no codec class. */
class KqatBeansTest {

    @Test
    void aJvmWithoutKqatReadsNotInstalled() throws Exception {
        URL classes = KqatBeans.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader stock = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> stock.loadClass("io.kqat.codec.metrics.KqatObjectNames"))
                    .isInstanceOf(ClassNotFoundException.class);
            Method putAll = stock.loadClass(KqatBeans.class.getName()).getDeclaredMethod("putAll", Properties.class);
            putAll.setAccessible(true);
            Properties p = new Properties();
            putAll.invoke(null, p);
            assertThat(p).containsEntry("kqat.installed", "false").doesNotContainKey("kqat.error");
        }
    }
}
