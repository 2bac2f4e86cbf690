package io.kqat.tools.doctor.container;

import io.kqat.tools.doctor.container.CheckResult.Status;

/**
 * QAT_POLICY, which a standalone qatlib (no qatmgr, as in containers) reads from the environment: unset takes every VF
 * it can open (up to 6); 0, a non-number or more VFs than the container sees make icp_sal_userStart fail
 * (qatlib 26.08 qat_mgr_client.c adf_vfio_build_sconfig).
 */
final class QatPolicyCheck implements ContainerCheck {
    static final String ID = "qat-policy";
    static final String QATMGR_SOCKET = "/run/qat/qatmgr.sock";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(Host host, CheckContext context) {
        String policy = host.env("QAT_POLICY").orElse(null);
        if (host.exists(QATMGR_SOCKET)) {
            return CheckResult.info(ID, "qatmgr runs (" + QATMGR_SOCKET + "): it assigns VFs by POLICY in "
                    + "/etc/sysconfig/qat" + (policy == null ? "" : "; QAT_POLICY=" + policy + " is not used"));
        }
        int vfs = VfioNodes.visibleVfs(host, VfioNodes.in(context.vfioDir()));
        String seen = vfs + " VF(s) visible" + (host.devicePluginVfs().isEmpty() ? "" : " (device plugin: "
                + String.join(", ", host.devicePluginVfs()) + ")");
        String k8sFix = "set it to the VFs the container requests, in the Kafka container's env: QAT_POLICY: \""
                + Math.max(1, vfs) + "\" beside resources qat.intel.com/dc: " + Math.max(1, vfs)
                + " (Strimzi: template.kafkaContainer.env of the KafkaNodePool)";
        String metalFix = "with qatmgr (qat.service) set POLICY in /etc/sysconfig/qat; standalone, give the broker "
                + "QAT_POLICY=<VFs per process> in its environment (systemd: Environment=QAT_POLICY=1)";
        if (policy == null) {
            return vfs == 0 ? CheckResult.info(ID, "QAT_POLICY unset; standalone qatlib; no VF visible")
                    : CheckResult.ok(ID, "QAT_POLICY unset: standalone qatlib takes every VF it can open, up to 6; "
                    + seen);
        }
        long n;
        try {
            n = Long.parseLong(policy.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1) {
            return CheckResult.problem(ID, Status.FAIL, "QAT_POLICY=" + policy + "; " + seen,
                    "standalone qatlib refuses it (QAT_POLICY=0 is not valid without qatmgr; it must be a number "
                            + "from 1): icp_sal_userStart fails and kqat serves from software", k8sFix, metalFix);
        }
        if (vfs > 0 && n > vfs) {
            return CheckResult.problem(ID, Status.FAIL, "QAT_POLICY=" + policy + "; " + seen,
                    "qatlib asks for " + n + " VFs and finds " + vfs + " (\"Insufficient devices\"): icp_sal_userStart "
                            + "fails and kqat serves from software", k8sFix, metalFix);
        }
        return CheckResult.ok(ID, "QAT_POLICY=" + policy + "; " + seen);
    }
}
