package io.kqat.codec.metrics;

import io.kqat.codec.BackendStatus;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** What the gzip and zstd codecs' MBeans share: a registration that replaces the last one, and a ladder as lines. */
final class Beans {
    private Beans() {
    }

    /** Registers {@code bean} under {@code name}, replacing a bean a codec that served before registered there. */
    static void replace(MBeanServer server, ObjectName name, Object bean) throws JMException {
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(bean, name);
    }

    /** Each rung's status, one line each, in ladder order. */
    static String[] ladder(List<BackendStatus> statuses) {
        return statuses.stream().map(BackendStatus::toString).toArray(String[]::new);
    }
}
