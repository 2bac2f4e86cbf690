package io.kqat.agent;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into Kafka's {@code GzipCompression} (3.8+) or the GZIP constant of its {@code CompressionType} enum
 * (before 3.8): the methods have the same signatures in both. Parameters are declared as JDK types only (Kafka's own buffer
 * types moved packages in 4.4), and when the hook declines (returns null) or anything at all is thrown in it (a class
 * kqat's loader cannot see, say), Kafka's original method body runs.
 */
final class GzipCompressionAdvice {
    private GzipCompressionAdvice() {
    }

    /** {@code OutputStream wrapForOutput(ByteBufferOutputStream buffer, byte magic)} of 3.8+, at the codec's level. */
    static final class WrapForOutput {
        private WrapForOutput() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
        static OutputStream enter(@Advice.Argument(0) OutputStream buffer, @Advice.FieldValue("level") int level) {
            return KafkaGzipHook.wrapForOutput(buffer, level);
        }
    }

    /**
     * The same method on the GZIP constant of the {@code CompressionType} enum before 3.8, which has no level setting:
     * Kafka compressed at zlib's default there, and so does kqat.
     */
    static final class WrapForOutputAtDefaultLevel {
        private WrapForOutputAtDefaultLevel() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
        static OutputStream enter(@Advice.Argument(0) OutputStream buffer) {
            return KafkaGzipHook.wrapForOutput(buffer, KafkaGzipHook.DEFAULT_KAFKA_LEVEL);
        }
    }

    /** Returns kqat's output stream when the entry advice made one. */
    static final class ReturnOutput {
        private ReturnOutput() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Enter OutputStream replacement,
                         @Advice.Return(readOnly = false) OutputStream returned) {
            if (replacement != null) {
                returned = replacement;
            }
        }
    }

    /** {@code InputStream wrapForInput(ByteBuffer buffer, byte magic, BufferSupplier supplier)}. */
    static final class WrapForInput {
        private WrapForInput() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
        static InputStream enter(@Advice.Argument(0) ByteBuffer buffer) {
            return KafkaGzipHook.wrapForInput(buffer);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Enter InputStream replacement,
                         @Advice.Return(readOnly = false) InputStream returned) {
            if (replacement != null) {
                returned = replacement;
            }
        }
    }
}
