package io.kqat.tools.doctor.container;

import io.kqat.codec.backend.qat.memory.LockedMemory;
import java.util.List;
import java.util.OptionalLong;

/** What /proc says about this process: its user, its capabilities, its user namespace, its locked-memory limit. */
final class ProcessFacts {
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
        Long limit = LockedMemory.softLimit(host.lines("/proc/self/limits"));
        OptionalLong memlock = limit == null ? OptionalLong.empty()
                : OptionalLong.of(limit < 0 ? Long.MAX_VALUE : limit);
        List<String> status = host.lines("/proc/self/status");
        long uid = -1;
        for (String line : status) {
            String[] f = line.split("\\s+");
            if (line.startsWith("Uid:") && f.length > 2) {
                uid = Long.parseLong(f[2]);
            }
        }
        return new ProcessFacts(memlock, uid, LockedMemory.ipcLockEffective(status),
                LockedMemory.initialUserNamespace(host.lines("/proc/self/uid_map")));
    }

    /** CAP_IPC_LOCK lifts the memlock limit for VFIO's pinning only when effective in the initial user namespace. */
    boolean memlockNotEnforced() {
        return ipcLock && initialUserNamespace;
    }
}
