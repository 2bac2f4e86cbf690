package io.kqat.codec.backend.qat.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;

/**
 * Whether the locked-memory limit lets VFIO pin the region. VFIO charges every pinned byte to {@code RLIMIT_MEMLOCK}
 * unless the process has {@code CAP_IPC_LOCK}; over the limit {@code qaeMemMapContiguousIova} just returns 0 (the
 * reason goes only to the kernel log), so kqat reads the limit and the capability itself, from {@code /proc/self},
 * to say why before and after.
 */
public final class LockedMemory {
    /** {@code CAP_IPC_LOCK}'s bit in the capability sets. */
    private static final int CAP_IPC_LOCK = 14;
    private static final String SOFT_LIMIT = "Max locked memory";

    private LockedMemory() {
    }

    /** The soft limit in bytes, -1 for unlimited, or null when unknown. */
    public static Long limit() {
        return softLimit(lines(Paths.get("/proc/self/limits")));
    }

    /**
     * True when this process may lock any amount: {@code CAP_IPC_LOCK} among its effective capabilities, in the
     * initial user namespace (a capability granted inside a container's own user namespace does not lift the
     * limit VFIO charges).
     */
    public static boolean unlimitedByCapability() {
        return ipcLockEffective(lines(Paths.get("/proc/self/status")))
                && initialUserNamespace(lines(Paths.get("/proc/self/uid_map")));
    }

    /** The soft {@code Max locked memory} of a {@code /proc/PID/limits} text: bytes, -1 for unlimited, null if absent. */
    public static Long softLimit(List<String> limits) {
        for (String line : limits) {
            if (line.startsWith(SOFT_LIMIT)) {
                String soft = line.substring(SOFT_LIMIT.length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? -1L : Long.parseLong(soft);
            }
        }
        return null;
    }

    /** Whether a {@code /proc/PID/status} text has {@code CAP_IPC_LOCK} in {@code CapEff}. */
    public static boolean ipcLockEffective(List<String> status) {
        for (String line : status) {
            if (line.startsWith("CapEff:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) >>> CAP_IPC_LOCK & 1) == 1;
            }
        }
        return false;
    }

    /** Whether a {@code /proc/PID/uid_map} text is the initial namespace's, which maps every id to itself. */
    public static boolean initialUserNamespace(List<String> uidMap) {
        return uidMap.stream().map(String::trim).anyMatch(l -> l.matches("0\\s+0\\s+4294967295"));
    }

    /**
     * Why pinning {@code bytes} will be refused, or null when the limit covers it or does not apply (unlimited, or
     * {@code CAP_IPC_LOCK}). qatlib pins its own rings and buffers too, so a limit just above the region may still fail.
     */
    public static String shortfall(long bytes) {
        Long limit = limit();
        if (limit == null || limit < 0 || limit >= bytes || unlimitedByCapability()) {
            return null;
        }
        return "the locked-memory limit (ulimit -l) is " + limit + " bytes, below the " + bytes + " bytes to pin, "
                + "and this process lacks CAP_IPC_LOCK: raise the memlock limit (limits.conf, systemd LimitMEMLOCK) or "
                + "lower qat.region.bytes";
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return Collections.emptyList();
        }
    }
}
