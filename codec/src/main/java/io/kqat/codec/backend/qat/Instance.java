package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;
import java.util.concurrent.locks.ReentrantLock;

/** One started data compression instance of the device, with what it reported about itself. */
final class Instance {
    final int index;
    final Pointer handle;
    final InstanceInfo info;
    /** qatlib's poll is not reentrant per instance: one poller at a time, in every class loader (shared). */
    final ReentrantLock pollLock;

    Instance(int index, Pointer handle, InstanceInfo info, ReentrantLock pollLock) {
        this.index = index;
        this.handle = handle;
        this.info = info;
        this.pollLock = pollLock;
    }
}
