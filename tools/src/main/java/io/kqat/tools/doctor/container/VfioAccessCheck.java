package io.kqat.tools.doctor.container;

import io.kqat.tools.doctor.container.CheckResult.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The VFIO nodes: present, readable and writable by this user, allowed by the cgroup's device rules, an IOMMU. */
final class VfioAccessCheck implements ContainerCheck {
    static final String ID = "vfio";
    private static final String DENIED_BY_CGROUP = "Operation not permitted";
    private static final String DENIED_BY_MODE = "Permission denied";
    private static final String BUSY = "Device or resource busy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(Host host, CheckContext context) {
        VfioNodes nodes = VfioNodes.in(context.vfioDir());
        CgroupDevices cgroup = CgroupDevices.of(host);
        if (!nodes.present()) {
            return CheckResult.problem(ID, Status.INFO, "no VFIO group under " + context.vfioDir()
                            + ": no QAT device is passed to this " + "container or machine",
                    "QAT rungs are skipped; kqat serves from software (fine where no QAT is expected)",
                    "request the Intel QAT device plugin's resource in requests and limits, e.g. qat.intel.com/dc: 1 "
                            + "(it adds /dev/vfio/<group> and /dev/vfio/vfio to the container); Docker/Compose: "
                            + "--device /dev/vfio/vfio --device /dev/vfio/<group>",
                    "bind the QAT VFs to vfio-pci (qatlib's qat.service or qat_init.sh does) with the IOMMU on "
                            + "(intel_iommu=on)");
        }
        List<String> denied = new ArrayList<>();
        List<String> busy = new ArrayList<>();
        boolean byCgroup = false;
        boolean byMode = false;
        List<Path> all = new ArrayList<>(nodes.groups());
        if (nodes.container() != null) {
            all.add(0, nodes.container());
        }
        for (Path node : all) {
            String error = host.open(node);
            long[] numbers = CgroupDevices.deviceNumbers(node);
            Boolean allowed = numbers == null ? null : cgroup.allows(numbers[0], numbers[1]);
            if (error == null && !Boolean.FALSE.equals(allowed)) {
                continue;
            }
            if (BUSY.equals(error)) {
                busy.add(node.getFileName().toString());
                continue;
            }
            byCgroup |= DENIED_BY_CGROUP.equals(error) || Boolean.FALSE.equals(allowed);
            byMode |= DENIED_BY_MODE.equals(error);
            denied.add(node + (error == null ? "" : ": " + error)
                    + (Boolean.FALSE.equals(allowed) ? " (not in the cgroup's device rules)" : ""));
        }
        String found = all.size() + " VFIO node(s) in " + nodes.dir() + " (" + nodes.groups().size() + " group(s)"
                + (nodes.container() == null ? ", no container node vfio" : "") + (context.emulated() ? ", emulated" : "")
                + "); " + cgroup.describe()
                + (busy.isEmpty() ? "" : "; held by another process (one process per group): " + String.join(", ", busy));
        if (!denied.isEmpty()) {
            return CheckResult.problem(ID, Status.WARN, found + "; cannot open " + String.join("; ", denied),
                    "qatlib cannot open the VFs; kqat serves from software",
                    (byCgroup ? "the cgroup denies the device: take it from the device plugin's resource "
                            + "(qat.intel.com/...), never from a hostPath volume; Docker: --device for each node. " : "")
                            + (byMode ? "the node's owner and mode deny this user: set "
                            + "device_ownership_from_security_context = true in containerd's (or CRI-O's) CRI config "
                            + "so the nodes belong to the pod's runAsUser/runAsGroup. " : "")
                            + "Check again with `kqat doctor` in the container.",
                    (byCgroup ? "the broker's systemd unit restricts devices: DeviceAllow=/dev/vfio/vfio rw and "
                            + "DeviceAllow=char-vfio rw. " : "")
                            + (byMode ? "give the user running Kafka read and write on /dev/vfio/* (qatlib's "
                            + "qat.service sets group qat; add the user to it: usermod -a -G qat kafka). " : ""));
        }
        if (nodes.container() == null && !context.emulated()) {
            return CheckResult.problem(ID, Status.WARN, found, "qatlib needs the VFIO container node "
                            + nodes.dir().resolve("vfio"),
                    "the device plugin adds /dev/vfio/vfio with the groups; Docker: --device /dev/vfio/vfio",
                    "load the vfio and vfio-pci modules (modprobe vfio-pci)");
        }
        if (nodes.noIommu()) {
            return CheckResult.problem(ID, Status.WARN, found, "VFIO runs without an IOMMU (noiommu groups): "
                            + "no zero-copy; kqat uses pinned copies (qat-pinned)",
                    "the node's kernel needs the IOMMU on; nothing in the pod can change it",
                    "boot with intel_iommu=on and without vfio.enable_unsafe_noiommu_mode=1, then rebind the VFs");
        }
        return CheckResult.ok(ID, found);
    }
}
