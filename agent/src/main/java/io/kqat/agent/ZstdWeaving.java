package io.kqat.agent;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.DynamicType;

/** Adds Kafka's zstd classes ({@link ZstdTargets}) and their advice to the agent's builder, beside gzip's. */
final class ZstdWeaving {
    private ZstdWeaving() {
    }

    static AgentBuilder onto(AgentBuilder builder) {
        return builder
                .type(ZstdTargets.zstdCompression())
                .transform((b, type, loader, module, domain) -> weave(b, ZstdCompressionAdvice.WrapForOutput.class))
                .type(ZstdTargets.legacyZstdConstant())
                .transform((b, type, loader, module, domain) ->
                        weave(b, ZstdCompressionAdvice.WrapForOutputAtDefaultLevel.class));
    }

    private static DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, Class<?> outputEntry) {
        return builder
                .visit(Advice.to(outputEntry, GzipCompressionAdvice.ReturnOutput.class).on(GzipTargets.wrapForOutput()))
                .visit(Advice.to(ZstdCompressionAdvice.WrapForInput.class).on(GzipTargets.wrapForInput()));
    }
}
