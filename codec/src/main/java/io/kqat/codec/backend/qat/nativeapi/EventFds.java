package io.kqat.codec.backend.qat.nativeapi;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The libc calls that wait on qatlib's event file descriptors (Linux x86-64 values): {@code epoll} to sleep until an
 * instance's VF signals, an {@code eventfd} of kqat's own to wake that sleep at stop, and {@code read}/{@code write}/
 * {@code close} on them. Bound by JNA direct mapping: a waiting thread makes these calls once per interrupt. Every
 * call takes plain numbers; callers check descriptors and buffers before calling.
 */
public final class EventFds {
    public static final int EPOLL_CLOEXEC = 0x80000;
    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLLIN = 0x1;
    /** Edge-triggered: one wake per signal, so qatlib 26.02's poll, which never drains the eventfd, still works. */
    public static final int EPOLLET = 1 << 31;
    public static final int EFD_NONBLOCK = 0x800;
    public static final int EFD_CLOEXEC = 0x80000;
    /** {@code struct epoll_event} is packed on x86-64: {@code uint32_t events} at 0, {@code uint64_t data} at 4. */
    public static final int EVENT_SIZE = 12;
    public static final int EVENT_DATA = 4;

    static {
        Native.register(EventFds.class, NativeLibrary.getInstance("c"));
    }

    private EventFds() {
    }

    public static native int epoll_create1(int flags);

    public static native int epoll_ctl(int epfd, int op, int fd, long event);

    /** @return events written at {@code events}, 0 on timeout, -1 on error (EINTR included) */
    public static native int epoll_wait(int epfd, long events, int maxEvents, int timeoutMillis);

    public static native int eventfd(int initial, int flags);

    public static native long read(int fd, long buffer, long count);

    public static native long write(int fd, long buffer, long count);

    public static native int close(int fd);
}
