package io.kqat.tools.doctor.container;

import io.kqat.tools.doctor.container.CheckResult.Status;

/**
 * The locked-memory limit against what VFIO pins: the zero-copy region and qatlib's 16 MiB per VF (qatlib INSTALL).
 * Below it, qaeMemMapContiguousIova returns 0 and says nothing else; kqat then serves from software.
 */
final class MemlockCheck implements ContainerCheck {
    static final String ID = "memlock";
    private static final long PER_VF = 16 * CheckContext.MIB;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(Host host, CheckContext context) {
        ProcessFacts facts = ProcessFacts.of(host);
        if (facts.memlock.isEmpty()) {
            return CheckResult.info(ID, "the locked-memory limit is unknown (no /proc/self/limits)");
        }
        long limit = facts.memlock.getAsLong();
        int vfs = Math.max(1, VfioNodes.visibleVfs(host, VfioNodes.in(context.vfioDir())));
        long need = context.regionBytes() + vfs * PER_VF;
        String found = (limit == Long.MAX_VALUE ? "unlimited" : limit + " bytes") + " locked memory; VFIO will pin "
                + need + " bytes (the " + context.regionBytes() + "-byte region and 16 MiB for each of " + vfs + " VF)";
        if (limit >= need) {
            return CheckResult.ok(ID, found);
        }
        if (facts.memlockNotEnforced()) {
            return CheckResult.ok(ID, found + "; not enforced: CAP_IPC_LOCK is effective");
        }
        long mib = (need + CheckContext.MIB - 1) / CheckContext.MIB;
        long bytes = mib * CheckContext.MIB;
        return CheckResult.problem(ID, Status.WARN, found,
                "mapping the region will fail (qaeMemMapContiguousIova returns 0, the kernel logs "
                        + "\"vfio_pin_pages_remote: RLIMIT_MEMLOCK exceeded\") and kqat serves from software",
                "Kubernetes has no field for rlimits: the container gets the runtime's. Either raise the runtime's "
                        + "default (containerd: LimitMEMLOCK=infinity in its systemd unit; CRI-O: default_ulimits = "
                        + "[\"memlock=" + bytes + ":" + bytes + "\"] in crio.conf), or with containerd's NRI "
                        + "ulimit-adjuster plugin annotate the pod: ulimits.noderesource.dev/container.<container>: "
                        + "\"- type: RLIMIT_MEMLOCK\\n  soft: " + bytes + "\\n  hard: " + bytes + "\" (Strimzi: "
                        + "template.pod.metadata.annotations, container kafka). capabilities.add [IPC_LOCK] lifts "
                        + "the limit only for a container running as root. Docker/Compose: --ulimit memlock="
                        + bytes + ":" + bytes + " (ulimits: memlock: " + bytes + ").",
                "for the user running Kafka, in /etc/security/limits.d/kqat.conf: \"kafka - memlock " + mib * 1024
                        + "\" (KiB; login sessions), or LimitMEMLOCK=" + mib + "M in the broker's systemd unit; "
                        + "`ulimit -l` shows the limit in KiB.");
    }
}
