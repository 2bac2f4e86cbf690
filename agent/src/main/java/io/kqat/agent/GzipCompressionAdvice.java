package io.kqat.agent;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into Kafka's {@code GzipCompression}. Parameters are declared as JDK types only (Kafka's own buffer
 * types moved packages in 4.4), and when the hook declines (returns null) or anything at all is thrown in it (a class
 * kqat's loader cannot see, say), Kafka's original method body runs.
 */
final class GzipCompressionAdvice {
    private GzipCompressionAdvice() {
    }

    /** {@code OutputStream wrapForOutput(ByteBufferOutputStream buffer, byte magic)}. */
    static final class WrapForOutput {
        private WrapForOutput() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
        static OutputStream enter(@Advice.Argument(0) OutputStream buffer, @Advice.FieldValue("level") int level) {
            return KafkaGzipHook.wrapForOutput(buffer, level);
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
