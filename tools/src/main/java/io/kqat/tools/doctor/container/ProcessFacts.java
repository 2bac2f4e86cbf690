package io.kqat.tools.doctor.container;

import java.util.OptionalLong;

/** What /proc says about this process: its user, its capabilities, its user namespace, its locked-memory limit. */
final class ProcessFacts {
    static final int CAP_IPC_LOCK = 14;
    /** The soft RLIMIT_MEMLOCK in bytes; {@link Long#MAX_VALUE} when unlimited. */
    final OptionalLong memlock;
    /** The effective user id, or -1 when unknown. */
    final long uid;
    final boolean ipcLock;
    /** Whether the process is in the initial user namespace, where CAP_IPC_LOCK counts for VFIO. */
    final boolean initialUserNamespace;

    private ProcessFacts(OptionalLong memlock, long uid, boolean ipcLock, boolean initialUserNamespace) {
        this.memlock = memlock;
        this.uid = uid;
        this.ipcLock = ipcLock;
        this.initialUserNamespace = initialUserNamespace;
    }

    static ProcessFacts of(Host host) {
        OptionalLong memlock = OptionalLong.empty();
        for (String line : host.lines("/proc/self/limits")) {
            if (line.startsWith("Max locked memory")) {
                String soft = line.substring("Max locked memory".length()).trim().split("\\s+")[0];
                memlock = OptionalLong.of(soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft));
            }
        }
        long uid = -1;
        boolean ipcLock = false;
        for (String line : host.lines("/proc/self/status")) {
            String[] f = line.split("\\s+");
            if (line.startsWith("Uid:") && f.length > 2) {
                uid = Long.parseLong(f[2]);
            } else if (line.startsWith("CapEff:") && f.length > 1) {
                ipcLock = (Long.parseUnsignedLong(f[1], 16) & (1L << CAP_IPC_LOCK)) != 0;
            }
        }
        // The initial namespace maps every id to itself: "0 0 4294967295".
        boolean initial = host.lines("/proc/self/uid_map").stream().map(String::trim)
                .anyMatch(l -> l.matches("0\\s+0\\s+4294967295"));
        return new ProcessFacts(memlock, uid, ipcLock, initial);
    }

    /** CAP_IPC_LOCK lifts the memlock limit for VFIO's pinning only when effective in the initial user namespace. */
    boolean memlockNotEnforced() {
        return ipcLock && initialUserNamespace;
    }
}
