package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.nativeapi.EventFds;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Callers waiting on one VF's eventfd (qatlib's event mode), taking turns: one of them, the leader, sleeps in
 * {@code epoll_wait} and, at each signal, polls once every instance behind that fd that has requests out, of any copy
 * of kqat (a poll takes every response the ring holds and enables its interrupt again, so a later response signals
 * anew; an instance with none out has nothing to deliver); the callbacks wake the callers whose requests completed. The
 * others park until their callback or until the leader, whose request is done, hands the fd over. So a caller alone
 * costs one wake-up per request, and no thread of kqat's runs; measured against a completion thread per VF (which
 * wakes, then wakes the caller) it takes less host CPU and less latency with one caller and as much with four.
 * {@code EPOLLET}; the leader reads the fd itself only where qatlib's poll does not drain it (26.02: 26.08's does, and
 * a second read would be a wasted system call per wake). A leader sleeps at most
 * 100 ms at a time, so a lost signal costs a delay, not a timeout. The epoll instance is this copy's own; the fd is
 * the library's (invalid after {@code icp_sal_userStop}).
 */
final class VfWaiter {
    private static final int SAFETY_MILLIS = 100;

    private final int vfFd;
    private final int epoll;
    private final List<Instance> instances;
    private final RequestRunner runner;
    private final boolean readsFd;
    private final AtomicReference<Thread> leader = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Thread> followers = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Memory> buffer = ThreadLocal.withInitial(() -> new Memory(2L * EventFds.EVENT_SIZE));
    /** A leader's returns from epoll_wait: signals and safety timeouts. */
    final LongAdder wakes = new LongAdder();
    /** Reads of the VF's eventfd by the leaders (none where qatlib's poll drains it). */
    final LongAdder fdReads = new LongAdder();

    private VfWaiter(int vfFd, int epoll, List<Instance> instances, RequestRunner runner, boolean readsFd) {
        this.vfFd = vfFd;
        this.epoll = epoll;
        this.instances = instances;
        this.runner = runner;
        this.readsFd = readsFd;
    }

    /**
     * An epoll instance watching {@code vfFd}.
     *
     * @param readsFd whether the leader drains the fd itself at each wake (qatlib's poll does not)
     * @throws IllegalStateException when the kernel refuses it (nothing is left open)
     */
    static VfWaiter open(int vfFd, List<Instance> instances, RequestRunner runner, boolean readsFd) {
        if (vfFd < 0 || instances.isEmpty()) {
            throw new IllegalStateException("no eventfd (" + vfFd + ") or no instance behind it");
        }
        int epoll = EventFds.epoll_create1(EventFds.EPOLL_CLOEXEC);
        if (epoll < 0) {
            throw new IllegalStateException("epoll_create1 failed");
        }
        Memory event = new Memory(EventFds.EVENT_SIZE);
        event.setInt(0, EventFds.EPOLLIN | EventFds.EPOLLET);
        event.setLong(EventFds.EVENT_DATA, vfFd);
        if (EventFds.epoll_ctl(epoll, EventFds.EPOLL_CTL_ADD, vfFd, Pointer.nativeValue(event)) != 0) {
            EventFds.close(epoll);
            throw new IllegalStateException("epoll_ctl refused the VF's eventfd " + vfFd);
        }
        return new VfWaiter(vfFd, epoll, instances, runner, readsFd);
    }

    /** Returns once {@code c} is done, its deadline has passed, or the device is found not answering. */
    void await(RequestRunner.Completion c, long deadline) {
        Thread me = Thread.currentThread();
        try {
            while (!c.done()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !runner.answering(c.compress)) {
                    return;
                }
                if (leader.compareAndSet(null, me)) {
                    try {
                        lead(c, deadline);
                    } finally {
                        leader.set(null);
                    }
                } else {
                    followers.add(me);
                    if (leader.get() != null) { // else the leader left meanwhile: try to lead
                        LockSupport.parkNanos(this, left);
                    }
                    followers.remove(me);
                }
            }
        } finally {
            handOver();
        }
    }

    private void lead(RequestRunner.Completion c, long deadline) {
        long at = Pointer.nativeValue(buffer.get());
        while (!c.done()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !runner.answering(c.compress)) {
                return;
            }
            EventFds.epoll_wait(epoll, at, 2, (int) Math.max(1, Math.min(SAFETY_MILLIS, (left + 999_999) / 1_000_000)));
            wakes.increment();
            if (readsFd) {
                fdReads.increment();
                EventFds.read(vfFd, at, 8); // non-blocking: nothing to read is fine
            }
            for (Instance i : instances) {
                runner.drain(i);
            }
        }
    }

    /** While requests are out someone must watch the fd: when nobody leads, wake a waiting caller to. */
    private void handOver() {
        if (leader.get() == null) {
            Thread next = followers.peek();
            if (next != null) {
                LockSupport.unpark(next);
            }
        }
    }

    /** Closes this copy's epoll instance; no caller may be waiting (the process is held exclusively). */
    void close() {
        EventFds.close(epoll);
    }
}
