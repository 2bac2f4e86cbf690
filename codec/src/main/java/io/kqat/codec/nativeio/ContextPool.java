package io.kqat.codec.nativeio;

import io.kqat.codec.spi.BackendException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Native contexts (compressors, decompressors) that are not thread-safe, lent to one caller at a time and reused, so
 * no call pays for an allocation. Closing frees the idle ones now and the lent ones when they come back; borrowing
 * after close fails with a {@link BackendException} (the ladder then uses the next rung).
 */
public final class ContextPool<T> implements AutoCloseable {
    private final ConcurrentLinkedDeque<T> idle = new ConcurrentLinkedDeque<>();
    private final Supplier<T> create;
    private final Consumer<T> free;
    private volatile boolean closed;

    public ContextPool(Supplier<T> create, Consumer<T> free) {
        this.create = create;
        this.free = free;
    }

    public T borrow() {
        if (closed) {
            throw BackendException.declined("backend closed");
        }
        T t = idle.pollFirst();
        return t != null ? t : create.get();
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
        }
    }
}
