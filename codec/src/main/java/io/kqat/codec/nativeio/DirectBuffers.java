package io.kqat.codec.nativeio;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * Direct buffers allocated and freed by kqat itself, not left to the garbage collector: with
 * {@code -XX:+DisableExplicitGC} (common on brokers) nothing else frees a dropped direct buffer until a heap collection
 * happens to run, and the JVM's direct memory runs out meanwhile. Freeing goes through {@code sun.misc.Unsafe}'s
 * {@code invokeCleaner}, the supported way since Java 9; where it is missing, buffers are left to the collector.
 */
final class DirectBuffers {
    private static final MethodHandle INVOKE_CLEANER = invokeCleaner();

    private DirectBuffers() {
    }

    private static MethodHandle invokeCleaner() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            return MethodHandles.lookup().findVirtual(unsafeClass, "invokeCleaner",
                    MethodType.methodType(void.class, ByteBuffer.class)).bindTo(theUnsafe.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** A direct buffer of exactly {@code capacity} bytes, or null when the JVM's direct memory is exhausted. */
    static ByteBuffer allocate(int capacity) {
        try {
            return ByteBuffer.allocateDirect(capacity);
        } catch (OutOfMemoryError e) {
            return null; // "Direct buffer memory": the caller serves the request another way
        }
    }

    /** Frees {@code buffer}'s memory now; it must never be used again, nor any view of it. */
    static void free(ByteBuffer buffer) {
        if (INVOKE_CLEANER != null) {
            try {
                INVOKE_CLEANER.invokeExact(buffer);
            } catch (Throwable e) {
                // a view, or a JVM that refuses: the collector frees it
            }
        }
    }
}
