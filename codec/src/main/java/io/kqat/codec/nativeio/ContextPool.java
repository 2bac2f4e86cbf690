package io.kqat.codec.nativeio;

import io.kqat.codec.spi.BackendException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Native contexts (compressors, decompressors) that are not thread-safe, lent to one caller at a time and reused, so
 * no call pays for an allocation. Closing frees the idle ones now and the lent ones when they come back; borrowing
 * after close fails with a {@link BackendException} (the ladder then uses the next rung). Each context's native memory
 * is reserved in a {@link NativeMemory} budget before it is made; when the budget has no room the request is declined.
 */
public final class ContextPool<T> implements AutoCloseable {
    private final ConcurrentLinkedDeque<T> idle = new ConcurrentLinkedDeque<>();
    private final Supplier<T> create;
    private final Consumer<T> free;
    private final NativeMemory memory;
    private final long bytesEach;
    private final String what;
    private volatile boolean closed;

    /** Contexts whose memory is accounted for elsewhere. */
    public ContextPool(Supplier<T> create, Consumer<T> free) {
        this(create, free, null, 0, null);
    }

    /** @param bytesEach the native memory one context takes (as measured on the library kqat supports) */
    public ContextPool(Supplier<T> create, Consumer<T> free, NativeMemory memory, long bytesEach, String what) {
        this.create = create;
        this.free = free;
        this.memory = memory;
        this.bytesEach = bytesEach;
        this.what = what;
    }

    public T borrow() {
        if (closed) {
            throw BackendException.declined("backend closed");
        }
        T t = idle.pollFirst();
        return t != null ? t : make();
    }

    private T make() {
        if (memory != null) {
            memory.reserveOrDecline(bytesEach, what);
        }
        try {
            return create.get();
        } catch (RuntimeException | Error e) {
            if (memory != null) {
                memory.release(bytesEach);
            }
            throw e;
        }
    }

    public void giveBack(T context) {
        idle.offerFirst(context);
        if (closed) {
            drain();
        }
    }

    @Override
    public void close() {
        closed = true;
        drain();
    }

    private void drain() {
        T t;
        while ((t = idle.pollFirst()) != null) {
            free.accept(t);
            if (memory != null) {
                memory.release(bytesEach);
            }
        }
    }
}
