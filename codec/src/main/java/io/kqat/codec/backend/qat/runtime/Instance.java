package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.device.InstanceInfo;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/** One started data compression instance of the device, with what it reported about itself. */
final class Instance {
    final int index;
    final Pointer handle;
    /** The handle as a number, for the direct calls. */
    final long address;
    final InstanceInfo info;
    /** qatlib's poll is not reentrant per instance: one poller at a time, in every class loader (shared). */
    final ReentrantLock pollLock;
    /**
     * Requests out here, from every class loader (shared): raised before the submission, lowered when it is refused or
     * its callback runs, so a signal's waiter never passes over an instance whose request may have completed.
     */
    final AtomicInteger outstanding;
    /** Requests this copy of kqat sent here, to show they are spread over every instance. */
    final LongAdder requests = new LongAdder();

    Instance(int index, Pointer handle, InstanceInfo info, ReentrantLock pollLock, AtomicInteger outstanding) {
        this.index = index;
        this.handle = handle;
        this.address = Pointer.nativeValue(handle);
        this.info = info;
        this.pollLock = pollLock;
        this.outstanding = outstanding;
    }
}
