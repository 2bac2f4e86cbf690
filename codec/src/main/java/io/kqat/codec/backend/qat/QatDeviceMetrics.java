package io.kqat.codec.backend.qat;

import io.kqat.codec.backend.qat.runtime.QatProcess;
import io.kqat.codec.metrics.KqatObjectNames;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.LongAdder;
import javax.management.JMException;
import javax.management.MBeanServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The QAT device bean of this copy of kqat: the providers report each start and each refusal here, and the bean is
 * (re-)registered at each, so a process with two copies (a Connect worker with the agent and the plugin) shows the
 * copy that started or was refused last.
 */
final class QatDeviceMetrics implements QatDeviceMXBean {
    private static final Logger LOG = LoggerFactory.getLogger(QatDeviceMetrics.class);
    private static final QatDeviceMetrics INSTANCE = new QatDeviceMetrics();
    private final LongAdder refusals = new LongAdder();
    private volatile QatProcess process;
    private volatile String notStarted = "not tried: no QAT rung was probed yet";

    private QatDeviceMetrics() {
    }

    /** A QAT rung started (or joined) the process. */
    static void started(QatProcess p) {
        INSTANCE.process = p;
        INSTANCE.register();
    }

    /** qatlib refused to start; {@code why} is the rung's skip reason. */
    static void refused(String why) {
        INSTANCE.refusals.increment();
        INSTANCE.process = null;
        INSTANCE.notStarted = why;
        INSTANCE.register();
    }

    private synchronized void register() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (server.isRegistered(KqatObjectNames.qatDevice())) {
                server.unregisterMBean(KqatObjectNames.qatDevice());
            }
            server.registerMBean(this, KqatObjectNames.qatDevice());
        } catch (JMException e) {
            LOG.warn("kqat: the QAT device bean could not be registered: {}", e.toString());
        }
    }

    @Override
    public String getStatus() {
        QatProcess p = process;
        return p != null ? "started: " + p.describe() : "not started: " + notStarted;
    }

    @Override
    public long getStartRefusals() {
        return refusals.sum();
    }

    @Override
    public int getInstances() {
        QatProcess p = process;
        return p == null ? 0 : p.figures().get("instances").intValue();
    }

    @Override
    public String getCompletions() {
        QatProcess p = process;
        return p == null ? "" : p.completions();
    }

    @Override
    public long getMaxConcurrentRequests() {
        QatProcess p = process;
        return p == null ? 0 : p.figures().get("maxInFlight");
    }

    @Override
    public long getRequestsBeyondInstances() {
        QatProcess p = process;
        return p == null ? 0 : p.figures().get("requestsBeyondInstances");
    }
}
