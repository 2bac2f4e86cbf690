package io.kqat.codec.backend.qat.runtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps native calls and this copy's leaving of qatlib apart: requests hold the shared side while they call qatlib,
 * clean-up and leaving take the exclusive side, and once closed no one enters, so nothing reaches qatlib after this
 * copy left.
 */
final class NativeGate {
    private static final long EXCLUSIVE_WAIT_SECONDS = 10;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** How {@link #close()} went. */
    enum Closing { EXCLUSIVE, ALREADY_CLOSED, REQUESTS_STILL_RUNNING }

    /**
     * Enters a stretch of native calls. False once closed: the caller must not touch qatlib (its handles may be gone)
     * and falls back or skips its clean-up instead.
     */
    boolean enter() {
        lock.readLock().lock();
        if (closed.get()) {
            lock.readLock().unlock();
            return false;
        }
        return true;
    }

    void leave() {
        lock.readLock().unlock();
    }

    /** Waits for every stretch of native calls to end and keeps new ones out; false when closed or not in time. */
    boolean enterExclusive() {
        if (!tryExclusive()) {
            return false;
        }
        if (closed.get()) {
            lock.writeLock().unlock();
            return false;
        }
        return true;
    }

    void leaveExclusive() {
        lock.writeLock().unlock();
    }

    /**
     * Closes the gate for good, exclusively when the running requests end in time ({@code EXCLUSIVE}: the caller then
     * cleans up and calls {@link #leaveExclusive()}).
     */
    Closing close() {
        boolean exclusive = tryExclusive();
        if (!closed.compareAndSet(false, true)) {
            if (exclusive) {
                lock.writeLock().unlock();
            }
            return Closing.ALREADY_CLOSED;
        }
        return exclusive ? Closing.EXCLUSIVE : Closing.REQUESTS_STILL_RUNNING;
    }

    private boolean tryExclusive() {
        try {
            return lock.writeLock().tryLock(EXCLUSIVE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
