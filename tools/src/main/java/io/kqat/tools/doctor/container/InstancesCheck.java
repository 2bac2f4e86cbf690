package io.kqat.tools.doctor.container;

import io.kqat.tools.doctor.container.CheckResult.Status;

/**
 * Data compression instances against the threads that will use them at once: qatlib advises one instance per thread;
 * with fewer, requests wait for one another on the instances' rings (correct, slower).
 */
final class InstancesCheck implements ContainerCheck {
    static final String ID = "instances";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(Host host, CheckContext context) {
        if (context.qatInstances() < 0) {
            return CheckResult.info(ID, "no QAT rung is ready: no instance to share");
        }
        String found = context.qatInstances() + " data compression instance(s) for " + context.threads()
                + " thread(s) (--threads: a broker compresses and decompresses on its request handler threads, "
                + "num.io.threads, 8 by default; a producer on its sender thread)";
        if (context.qatInstances() >= context.threads()) {
            return CheckResult.ok(ID, found);
        }
        return CheckResult.problem(ID, Status.WARN, found,
                "threads wait for one another's requests on the instances (still correct; QAT then runs below its speed)",
                "request more VFs (qat.intel.com/dc: N; each brings its instances, 4 on a 4xxx VF with dc) and set "
                        + "QAT_POLICY=N in the Kafka container's env",
                "give the process more VFs: POLICY=N in /etc/sysconfig/qat with qatmgr, or QAT_POLICY=N standalone; "
                        + "or fewer threads (num.io.threads)");
    }
}
