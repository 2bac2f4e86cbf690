package io.kqat.tools.doctor.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A machine or container made of files in a directory: /proc, /sys, /dev/vfio and the environment, as a test sets them. */
final class FakeHost {
    static final long REGION = 64L << 20;
    private final Path root;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> openErrors = new HashMap<>();

    FakeHost(Path root) {
        this.root = root;
        limits("unlimited");
        status(1001, 0);
        file("/proc/self/uid_map", "         0          0 4294967295");
    }

    FakeHost file(String absolute, String content) {
        try {
            Path p = root.resolve(absolute.substring(1));
            Files.createDirectories(p.getParent());
            Files.writeString(p, content + "\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeHost limits(String memlockSoft) {
        return file("/proc/self/limits", "Limit                     Soft Limit           Hard Limit           Units\n"
                + "Max open files            20000                20000                files\n"
                + "Max locked memory         " + memlockSoft + "            " + memlockSoft + "            bytes");
    }

    FakeHost status(long uid, long capEff) {
        return file("/proc/self/status", "Name:\tjava\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\n"
                + "CapEff:\t" + String.format("%016x", capEff));
    }

    /** VFIO nodes (regular files standing in for the device nodes): the container node and these groups. */
    FakeHost vfio(boolean containerNode, String... groups) {
        if (containerNode) {
            file("/dev/vfio/vfio", "");
        }
        for (String g : groups) {
            file("/dev/vfio/" + g, "");
        }
        return this;
    }

    FakeHost openFails(String node, String error) {
        openErrors.put(node, error);
        return this;
    }

    FakeHost env(String key, String value) {
        env.put(key, value);
        return this;
    }

    FakeHost hugePages(long total, long free) {
        file("/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages", Long.toString(total));
        return file("/sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages", Long.toString(free));
    }

    Host host() {
        return new Host(root, env, node -> openErrors.get(node.getFileName().toString()));
    }

    CheckContext context(long instances, int threads) {
        return new CheckContext(REGION, root.resolve("dev/vfio"), root.resolve("sys"), instances, threads, false);
    }

    CheckResult run(ContainerCheck check) {
        return check.check(host(), context(-1, 1));
    }
}
