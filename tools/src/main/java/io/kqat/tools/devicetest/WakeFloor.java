package io.kqat.tools.devicetest;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.nativeapi.EventFds;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * This machine's floor under the host CPU of one synchronous request: the CPU a thread spends to sleep in
 * {@code epoll_wait} on an eventfd, be woken by a write to it from another thread, and read it, through the same
 * JNA-bound calls kqat's waiters make. A caller that sleeps while its device works pays at least this per request,
 * whatever kqat does around it; in a virtual machine it is several times what it is on metal, so it is printed beside
 * the figures it bounds. The signalling thread (standing in for the device) is not counted.
 */
final class WakeFloor {
    private WakeFloor() {
    }

    /** {@code wakes} wake-ups, a write every {@code gapMicros}, after 100 unmeasured. */
    static Result measure(int wakes, long gapMicros) {
        int efd = EventFds.eventfd(0, EventFds.EFD_NONBLOCK | EventFds.EFD_CLOEXEC);
        int ep = EventFds.epoll_create1(EventFds.EPOLL_CLOEXEC);
        AtomicBoolean stop = new AtomicBoolean();
        Thread signaller = null;
        try {
            if (efd < 0 || ep < 0) {
                throw new IllegalStateException("eventfd or epoll_create1 failed");
            }
            Memory mem = new Memory(EventFds.EVENT_SIZE + 8 + 8);
            long event = Pointer.nativeValue(mem);
            long counter = event + 16;
            mem.setInt(0, EventFds.EPOLLIN);
            if (EventFds.epoll_ctl(ep, EventFds.EPOLL_CTL_ADD, efd, event) != 0) {
                throw new IllegalStateException("epoll_ctl failed");
            }
            signaller = new Thread(() -> signal(efd, gapMicros, stop), "kqat-wake-floor-signaller");
            signaller.setDaemon(true);
            signaller.start();
            waitFor(100, ep, efd, event, counter);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            long woken = waitFor(wakes, ep, efd, event, counter);
            double cpu = threads.getCurrentThreadCpuTime() - cpu0;
            double wall = System.nanoTime() - wall0;
            return new Result(woken, cpu / woken / 1e3, wall / woken / 1e3);
        } finally {
            stop.set(true);
            if (signaller != null) {
                try {
                    signaller.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            closeIfOpen(ep);
            closeIfOpen(efd);
        }
    }

    /** Sleeps until woken {@code wakes} times (a second without a write ends it early). */
    private static long waitFor(int wakes, int ep, int efd, long event, long counter) {
        long woken = 0;
        while (woken < wakes) {
            int n = EventFds.epoll_wait(ep, event, 1, 1000);
            if (n == 0) {
                throw new IllegalStateException("no wake-up for a second");
            }
            if (n > 0 && EventFds.read(efd, counter, 8) == 8) {
                woken++;
            }
        }
        return woken;
    }

    private static void signal(int efd, long gapMicros, AtomicBoolean stop) {
        Memory one = new Memory(8);
        one.setLong(0, 1);
        while (!stop.get()) {
            LockSupport.parkNanos(gapMicros * 1000);
            EventFds.write(efd, Pointer.nativeValue(one), 8);
        }
    }

    private static void closeIfOpen(int fd) {
        if (fd >= 0) {
            EventFds.close(fd);
        }
    }

    /** Wake-ups counted, and per wake-up the waiter's CPU and the wall time, in microseconds. */
    record Result(long wakes, double cpuMicrosPerWake, double wallMicrosPerWake) {
    }
}
