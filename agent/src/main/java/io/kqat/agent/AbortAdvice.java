package io.kqat.agent;

import net.bytebuddy.asm.Advice;

/**
 * Advice inlined into Kafka's {@code MemoryRecordsBuilder.abort()}: the batch is being thrown away, so kqat's stream
 * for it is ended before Kafka closes it, and nothing is compressed (stock Kafka compresses the whole batch there, under
 * the partition's lock, only to discard it). Anything thrown here is suppressed: Kafka's abort then runs as it would.
 */
final class AbortAdvice {
    private AbortAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.FieldValue("bufferStream") Object bufferStream) {
        KafkaGzipHook.abort(bufferStream);
    }
}
