package io.kqat.tools.doctor;

import io.kqat.codec.metrics.KqatObjectNames;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;

/**
 * What the QAT device bean ({@link KqatObjectNames#QAT_DEVICE}) says after the codec's start: whether qatlib started
 * and how completions reach the callers, or why it did not start (no VF left for this process, say).
 */
final class QatFacts {
    private QatFacts() {
    }

    static String describe() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (!server.isRegistered(KqatObjectNames.qatDevice())) {
                return "not tried (no QAT rung was probed)";
            }
            int instances = (Integer) server.getAttribute(KqatObjectNames.qatDevice(), "Instances");
            long refusals = (Long) server.getAttribute(KqatObjectNames.qatDevice(), "StartRefusals");
            if (instances == 0) {
                return server.getAttribute(KqatObjectNames.qatDevice(), "Status") + " (starts refused: " + refusals + ")";
            }
            return instances + " instance(s) for this process, callers beyond " + instances + " share one (counted: "
                    + KqatObjectNames.QAT_DEVICE + " RequestsBeyondInstances); "
                    + server.getAttribute(KqatObjectNames.qatDevice(), "Completions");
        } catch (JMException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }
}
