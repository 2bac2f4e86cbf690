package io.kqat.agent;

import io.kqat.codec.DirectTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;

/**
 * Kafka's {@code ByteBufferOutputStream} seen as a {@link DirectTarget}, so a batch's gzip member is written straight
 * into Kafka's buffer when it has room. Its methods are found by name on whatever class Kafka's stream is (the class
 * moved package in 4.4, and shaded copies rename it), so no Kafka type is named here. Where they cannot be found the
 * stream is written through as any {@link OutputStream}.
 */
final class KafkaBufferTarget extends OutputStream implements DirectTarget {
    private static final ClassValue<Accessors> ACCESSORS = new ClassValue<Accessors>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            return Accessors.find(type);
        }
    };

    private final OutputStream kafka;
    private final Accessors accessors;

    private KafkaBufferTarget(OutputStream kafka, Accessors accessors) {
        this.kafka = kafka;
        this.accessors = accessors;
    }

    /** Kafka's stream as a direct target, or the stream itself when its class offers no buffer access. */
    static OutputStream of(OutputStream kafka) {
        Accessors a = ACCESSORS.get(kafka.getClass());
        return a == null ? kafka : new KafkaBufferTarget(kafka, a);
    }

    @Override
    public ByteBuffer room(int bytes) {
        try {
            int position = (int) accessors.position.invoke(kafka);
            if ((int) accessors.remaining.invoke(kafka) < bytes) {
                return null;
            }
            ByteBuffer view = ((ByteBuffer) accessors.buffer.invoke(kafka)).duplicate();
            view.limit(view.capacity()).position(position);
            return view;
        } catch (Throwable e) {
            return null; // written through write() instead
        }
    }

    @Override
    public void advance(int bytes) {
        try {
            accessors.setPosition.invoke(kafka, (int) accessors.position.invoke(kafka) + bytes);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        kafka.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        kafka.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        kafka.flush();
    }

    @Override
    public void close() throws IOException {
        kafka.close();
    }

    /** {@code ByteBuffer buffer()}, {@code int position()}, {@code void position(int)}, {@code int remaining()}. */
    private static final class Accessors {
        final MethodHandle buffer;
        final MethodHandle position;
        final MethodHandle setPosition;
        final MethodHandle remaining;

        private Accessors(MethodHandle buffer, MethodHandle position, MethodHandle setPosition, MethodHandle remaining) {
            this.buffer = buffer;
            this.position = position;
            this.setPosition = setPosition;
            this.remaining = remaining;
        }

        static Accessors find(Class<?> type) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                return new Accessors(
                        lookup.findVirtual(type, "buffer", MethodType.methodType(ByteBuffer.class)),
                        lookup.findVirtual(type, "position", MethodType.methodType(int.class)),
                        lookup.findVirtual(type, "position", MethodType.methodType(void.class, int.class)),
                        lookup.findVirtual(type, "remaining", MethodType.methodType(int.class)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
