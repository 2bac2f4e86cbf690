package io.kqat.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kqat.local.workload.WorkloadReport;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * The workload programs run in JVMs without kqat (a stock client) and read kqat's beans by name. This module compiles
 * against the codec only for the names javac inlines: its code that reads the beans runs where no codec class is.
 */
class NoKqatClassTest {

    @Test
    void theBeanReadersRunWhereNoCodecClassIs() throws Exception {
        URL classes = WorkloadReport.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader stock = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> stock.loadClass("io.kqat.codec.metrics.KqatObjectNames"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> reportClass = stock.loadClass(WorkloadReport.class.getName());
            Object report = reportClass.getConstructor().newInstance();
            reportClass.getMethod("putKqatMetrics").invoke(report);
            Method used = stock.loadClass("io.kqat.local.e2e.KqatBackendsUsed").getDeclaredMethod("put", reportClass);
            used.setAccessible(true);
            used.invoke(null, report);
            Method get = reportClass.getMethod("get", String.class);
            assertThat(get.invoke(report, "kqat.installed")).isEqualTo("false");
            assertThat(get.invoke(report, "kqat.error")).isNull();
            assertThat(get.invoke(report, "e2e.compressedBy")).isEqualTo("");
        }
    }
}
