package io.kqat.codec.backend.qat.runtime;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.kqat.codec.backend.qat.nativeapi.EventFds;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits on one VF's eventfd (qatlib's event mode) and delivers the completions behind it: after each signal it polls
 * every instance of that VF until each has nothing more (a signal from one instance may find another's ring full too),
 * which runs the callbacks that wake the waiting callers. A daemon thread named {@code kqat-qat-events-<n>}, so its
 * CPU time can be told apart. It sleeps in {@code epoll_wait} with {@code EPOLLET} (qatlib 26.02's poll never drains
 * the eventfd, so the thread reads it itself) and never takes a timed sleep while no request is out; while one is,
 * it also wakes every 100 ms and polls anyway, so a lost signal costs a delay, not a timeout. Stopped, through an
 * eventfd of its own, before qatlib stops (the VF's eventfd is the library's, invalid after {@code icp_sal_userStop}).
 */
final class CompletionThread implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CompletionThread.class);
    private static final int SAFETY_MILLIS = 100;
    private static final long STOP_DATA = 1;

    private final int vfFd;
    private final List<Instance> instances;
    private final RequestRunner runner;
    private final int epoll;
    private final int stopFd;
    private final Memory events = new Memory(2L * EventFds.EVENT_SIZE);
    private final Memory counter = new Memory(8);
    private final Thread thread;
    private volatile boolean stopping;
    /** Wake-ups from epoll, signals and safety timeouts alike. */
    final LongAdder wakes = new LongAdder();

    private CompletionThread(int vfFd, List<Instance> instances, RequestRunner runner, int epoll, int stopFd, String name) {
        this.vfFd = vfFd;
        this.instances = instances;
        this.runner = runner;
        this.epoll = epoll;
        this.stopFd = stopFd;
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    /**
     * Starts a thread on {@code vfFd}.
     *
     * @throws IllegalStateException when the kernel refuses an epoll instance or an eventfd (nothing is left open)
     */
    static CompletionThread start(int vfFd, List<Instance> instances, RequestRunner runner, String name) {
        if (vfFd < 0 || instances.isEmpty()) {
            throw new IllegalStateException("no eventfd (" + vfFd + ") or no instance behind it");
        }
        int epoll = EventFds.epoll_create1(EventFds.EPOLL_CLOEXEC);
        if (epoll < 0) {
            throw new IllegalStateException("epoll_create1 failed");
        }
        int stopFd = EventFds.eventfd(0, EventFds.EFD_NONBLOCK | EventFds.EFD_CLOEXEC);
        if (stopFd < 0 || !add(epoll, vfFd, 0) || !add(epoll, stopFd, STOP_DATA)) {
            EventFds.close(epoll);
            if (stopFd >= 0) {
                EventFds.close(stopFd);
            }
            throw new IllegalStateException("eventfd or epoll_ctl failed on the VF's eventfd " + vfFd);
        }
        CompletionThread t = new CompletionThread(vfFd, instances, runner, epoll, stopFd, name);
        t.thread.start();
        return t;
    }

    private static boolean add(int epoll, int fd, long data) {
        Memory event = new Memory(EventFds.EVENT_SIZE);
        event.setInt(0, EventFds.EPOLLIN | EventFds.EPOLLET);
        event.setLong(EventFds.EVENT_DATA, data);
        return EventFds.epoll_ctl(epoll, EventFds.EPOLL_CTL_ADD, fd, Pointer.nativeValue(event)) == 0;
    }

    @Override
    public void run() {
        long eventsAt = Pointer.nativeValue(events);
        long counterAt = Pointer.nativeValue(counter);
        try {
            while (!stopping) {
                EventFds.epoll_wait(epoll, eventsAt, 2, runner.idle() ? -1 : SAFETY_MILLIS);
                if (stopping) {
                    return;
                }
                wakes.increment();
                EventFds.read(vfFd, counterAt, 8); // non-blocking: nothing to read is fine
                for (Instance i : instances) {
                    runner.drain(i);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("kqat: the QAT completion thread {} stopped ({}); waiting callers poll at their timeout",
                    thread.getName(), e.toString());
        }
    }

    /** Stops the thread and closes kqat's own descriptors; the VF's eventfd stays the library's. */
    void stop() {
        stopping = true;
        Memory one = new Memory(8);
        one.setLong(0, 1);
        EventFds.write(stopFd, Pointer.nativeValue(one), 8);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            EventFds.close(epoll);
            EventFds.close(stopFd);
        }
    }

    String name() {
        return thread.getName();
    }
}
