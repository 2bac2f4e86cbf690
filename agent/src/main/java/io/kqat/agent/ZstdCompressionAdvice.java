package io.kqat.agent;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into Kafka's {@code ZstdCompression} (3.8+) or the ZSTD constant of its {@code CompressionType} enum
 * (before 3.8), as {@link GzipCompressionAdvice} is into gzip's: JDK types only, and when the hook declines (null) or
 * anything is thrown in it, Kafka's own method body runs (its zstd-jni). The exit advice that returns kqat's output
 * stream is gzip's ({@link GzipCompressionAdvice.ReturnOutput}).
 */
final class ZstdCompressionAdvice {
    private ZstdCompressionAdvice() {
    }

    /** {@code OutputStream wrapForOutput(ByteBufferOutputStream buffer, byte magic)} of 3.8+, at compression.zstd.level. */
    static final class WrapForOutput {
        private WrapForOutput() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
        static OutputStream enter(@Advice.Argument(0) OutputStream buffer, @Advice.FieldValue("level") int level) {
            return KafkaZstdHook.wrapForOutput(buffer, level);
        }
    }

    /** The same method on the ZSTD constant before 3.8, which has no level: zstd's default, as Kafka's. */
    static final class WrapForOutputAtDefaultLevel {
        private WrapForOutputAtDefaultLevel() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
        static OutputStream enter(@Advice.Argument(0) OutputStream buffer) {
            return KafkaZstdHook.wrapForOutput(buffer, KafkaZstdHook.DEFAULT_KAFKA_LEVEL);
        }
    }

    /** {@code InputStream wrapForInput(ByteBuffer buffer, byte magic, BufferSupplier supplier)}. */
    static final class WrapForInput {
        private WrapForInput() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
        static InputStream enter(@Advice.Argument(0) ByteBuffer buffer) {
            return KafkaZstdHook.wrapForInput(buffer);
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
