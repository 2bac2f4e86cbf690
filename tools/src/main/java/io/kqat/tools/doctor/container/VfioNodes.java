package io.kqat.tools.doctor.container;

import java.nio.file.Path;
import java.util.List;

/** The VFIO nodes a container sees: the container node {@code vfio} and one node per IOMMU group (a VF). */
record VfioNodes(Path dir, Path container, List<Path> groups) {

    static VfioNodes in(Path dir) {
        List<Path> entries = Host.list(dir);
        Path container = entries.stream().filter(p -> p.getFileName().toString().equals("vfio")).findFirst().orElse(null);
        List<Path> groups = entries.stream().filter(p -> p.getFileName().toString().matches("(noiommu-)?\\d+")).toList();
        return new VfioNodes(dir, container, groups);
    }

    boolean present() {
        return !groups.isEmpty();
    }

    /** VFs visible: the device plugin's QATn variables when set, else the groups. */
    static int visibleVfs(Host host, VfioNodes nodes) {
        int plugin = host.devicePluginVfs().size();
        return plugin > 0 ? plugin : nodes.groups().size();
    }

    boolean noIommu() {
        return groups.stream().anyMatch(p -> p.getFileName().toString().startsWith("noiommu-"));
    }
}
