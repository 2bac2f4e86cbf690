package io.kqat.codec.backend.qat;

import com.sun.jna.Pointer;
import java.util.concurrent.locks.ReentrantLock;

/** One started data compression instance of the device. */
final class Instance {
    final int index;
    final Pointer handle;
    /** qatlib's poll is not reentrant per instance: one poller at a time. */
    final ReentrantLock pollLock = new ReentrantLock();

    Instance(int index, Pointer handle) {
        this.index = index;
        this.handle = handle;
    }
}
