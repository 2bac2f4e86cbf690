package io.kqat.tools.doctor.container;

import io.kqat.tools.doctor.container.CheckResult.Status;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Huge pages: the region takes 2 MiB huge pages when enough are free (else transparent huge pages or 4 KiB pages,
 * which work); qatlib's huge-page mode (QAT_MAX_2M_HPG_PER_PROCESS above 0) refuses to start without any.
 */
final class HugePagesCheck implements ContainerCheck {
    static final String ID = "huge-pages";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(Host host, CheckContext context) {
        Path dir = context.sysfsRoot().resolve("kernel/mm/hugepages/hugepages-2048kB");
        long total = number(Host.firstLine(dir.resolve("nr_hugepages")));
        long free = number(Host.firstLine(dir.resolve("free_hugepages")));
        if (free < 0) {
            free = total;
        }
        Optional<String> cgroupMax = Host.firstLine(host.path("/sys/fs/cgroup/hugetlb.2MB.max"));
        long cgroupPages = cgroupMax.filter(v -> !v.equals("max")).map(v -> number(Optional.of(v)) / CheckContext.HUGE_PAGE)
                .orElse(Long.MAX_VALUE);
        long usable = Math.min(free, cgroupPages);
        long need = context.regionPages();
        String found = (total < 0 ? "2 MiB huge pages unknown" : free + " of " + total + " 2 MiB huge pages free")
                + (cgroupPages == Long.MAX_VALUE ? "" : ", the cgroup allows " + cgroupPages)
                + "; the region takes " + need;
        String hpg = host.env("QAT_MAX_2M_HPG_PER_PROCESS").orElse(null);
        String k8s = "reserve huge pages on the node (vm.nr_hugepages), then request them: resources.limits "
                + "hugepages-2Mi: " + need * 2 + "Mi (with a memory request; Strimzi: KafkaNodePool spec.resources)";
        String metal = "sysctl -w vm.nr_hugepages=" + need + " (and in /etc/sysctl.d/ to keep it)";
        if (hpg != null && number(Optional.of(hpg)) > 0 && total <= 0) {
            return CheckResult.problem(ID, Status.FAIL, found + "; QAT_MAX_2M_HPG_PER_PROCESS=" + hpg,
                    "qatlib's huge-page mode finds no huge pages and refuses to start; kqat serves from software",
                    k8s + "; or unset QAT_MAX_2M_HPG_PER_PROCESS", metal + "; or unset QAT_MAX_2M_HPG_PER_PROCESS");
        }
        if (usable >= need) {
            return CheckResult.ok(ID, found + ": the region uses 2 MiB huge pages");
        }
        return CheckResult.problem(ID, Status.INFO, found,
                "the region uses transparent huge pages or 4 KiB pages: it works; huge pages make its mapping cheaper",
                k8s, metal);
    }

    private static long number(Optional<String> text) {
        try {
            return text.map(Long::parseLong).orElse(-1L);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
