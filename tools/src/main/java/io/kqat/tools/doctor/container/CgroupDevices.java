package io.kqat.tools.doctor.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The cgroup's device rules as far as they can be read: cgroup v1 lists them in devices.list ("c 10:196 rwm",
 * "a *:* rwm"); cgroup v2 enforces them with an eBPF program nobody can read back, so there the only test is opening.
 */
final class CgroupDevices {
    private final List<String> rules;
    private final boolean v2;

    private CgroupDevices(List<String> rules, boolean v2) {
        this.rules = rules;
        this.v2 = v2;
    }

    static CgroupDevices of(Host host) {
        List<String> v1 = host.lines("/sys/fs/cgroup/devices/devices.list");
        return new CgroupDevices(v1, v1.isEmpty() && host.exists("/sys/fs/cgroup/cgroup.controllers"));
    }

    String describe() {
        return !rules.isEmpty() ? "cgroup v1 device rules: " + String.join(", ", rules)
                : v2 ? "cgroup v2 (device rules are an eBPF program: checked by opening each node)"
                : "no cgroup device rules readable";
    }

    /** Whether the v1 rules let this character device be read and written; null when unknown. */
    Boolean allows(long major, long minor) {
        if (rules.isEmpty()) {
            return null;
        }
        for (String rule : rules) {
            String[] f = rule.trim().split("\\s+");
            if (f.length == 3 && (f[0].equals("a") || f[0].equals("c")) && f[2].contains("r") && f[2].contains("w")
                    && matches(f[1], major, minor)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String numbers, long major, long minor) {
        if (numbers.equals("*:*") || numbers.equals("*")) {
            return true;
        }
        String[] mm = numbers.split(":");
        return mm.length == 2 && (mm[0].equals("*") || mm[0].equals(Long.toString(major)))
                && (mm[1].equals("*") || mm[1].equals(Long.toString(minor)));
    }

    /** A character device's major and minor numbers (glibc's encoding of st_rdev), or null for another file. */
    static long[] deviceNumbers(Path node) {
        try {
            Object rdev = Files.getAttribute(node, "unix:rdev");
            long r = rdev instanceof Long ? (Long) rdev : 0;
            if (r == 0) {
                return null;
            }
            long major = ((r >>> 8) & 0xfff) | ((r >>> 32) & ~0xfffL);
            long minor = (r & 0xff) | ((r >>> 12) & ~0xffL);
            return new long[] {major, minor};
        } catch (Exception e) {
            return null;
        }
    }
}
