package io.kqat.agent;

import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * kqat's open batch streams by the Kafka buffer they write into, so an aborted {@code MemoryRecordsBuilder} (which
 * knows only its buffer) can have its stream discarded. Weak on both sides: a batch Kafka drops leaves nothing here.
 */
final class OpenBatches {
    private static final Map<Object, WeakReference<OutputStream>> BY_BUFFER = new WeakHashMap<>();

    private OpenBatches() {
    }

    static void opened(Object kafkaBuffer, OutputStream stream) {
        synchronized (BY_BUFFER) {
            BY_BUFFER.put(kafkaBuffer, new WeakReference<>(stream));
        }
    }

    /** The stream opened over this buffer and not taken yet, or null. */
    static OutputStream take(Object kafkaBuffer) {
        WeakReference<OutputStream> ref;
        synchronized (BY_BUFFER) {
            ref = BY_BUFFER.remove(kafkaBuffer);
        }
        return ref == null ? null : ref.get();
    }
}
