package io.kqat.tools.doctor.container;

import io.kqat.tools.doctor.container.CheckResult.Status;

/** kqat needs no root: the VFIO nodes must be this user's to open, and the memlock limit high enough. */
final class UserCheck implements ContainerCheck {
    static final String ID = "user";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(Host host, CheckContext context) {
        ProcessFacts facts = ProcessFacts.of(host);
        if (facts.uid < 0) {
            return CheckResult.info(ID, "the user is unknown (no /proc/self/status)");
        }
        String caps = facts.ipcLock ? ", CAP_IPC_LOCK effective" : "";
        if (facts.uid != 0) {
            return CheckResult.ok(ID, "runs as uid " + facts.uid + " (not root)" + caps
                    + "; kqat needs no root: the VFIO nodes this user can open and a memlock limit above the region");
        }
        return CheckResult.problem(ID, Status.INFO, "runs as root" + caps,
                "kqat does not need root; the restricted Pod Security Standard forbids it, and root hides the "
                        + "memlock and device-ownership problems a non-root broker would meet",
                "run as a non-root user (securityContext runAsNonRoot: true, runAsUser: 1001 as Strimzi does); then "
                        + "give it the VFIO nodes (device_ownership_from_security_context = true in the CRI config) and "
                        + "a memlock limit (see the memlock check): capabilities.add [IPC_LOCK] has no effect for a "
                        + "non-root process",
                "run Kafka as its own user (User=kafka in the systemd unit) in group qat, with LimitMEMLOCK set");
    }
}
