package io.kqat.agent;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code -javaagent:kqat-agent.jar[=options]} entry point (see {@link AgentOptions} for the options). It weaves
 * {@link GzipCompressionAdvice} into Kafka's gzip codec, whichever release the class path holds ({@link GzipTargets}:
 * {@code GzipCompression} from 3.8, the {@code CompressionType.GZIP} constant before, shaded copies included), the
 * same for zstd unless zstd.mode is off ({@link ZstdWeaving}), and leaves every other codec alone.
 */
public final class KqatAgent {
    private static final Logger LOG = LoggerFactory.getLogger(KqatAgent.class);
    private static boolean woven;

    private KqatAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        install(AgentOptions.parseAgentArgs(args), inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        premain(args, inst);
    }

    /** Installs once per JVM; later calls (another client's configuration, say) change nothing. */
    public static synchronized void install(AgentOptions options, Instrumentation inst) {
        if (woven) {
            return;
        }
        if (options.off()) {
            LOG.info("kqat: mode=off, Kafka's gzip is left stock");
            woven = true;
            return;
        }
        KafkaGzipHook.install(options.codecConfig());
        AgentBuilder agent = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new HookLog())
                .type(GzipTargets.gzipCompression())
                .transform((builder, type, loader, module, domain) ->
                        weave(builder, GzipCompressionAdvice.WrapForOutput.class))
                .type(GzipTargets.legacyGzipConstant())
                .transform((builder, type, loader, module, domain) ->
                        weave(builder, GzipCompressionAdvice.WrapForOutputAtDefaultLevel.class))
                .type(GzipTargets.recordsBuilder())
                .transform((builder, type, loader, module, domain) ->
                        builder.visit(Advice.to(AbortAdvice.class).on(GzipTargets.abort())));
        if (KafkaZstdHook.install(options.codecConfig())) {
            agent = ZstdWeaving.onto(agent);
        }
        agent.installOn(inst);
        woven = true;
    }

    private static DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, Class<?> outputEntry) {
        return builder
                .visit(Advice.to(outputEntry, GzipCompressionAdvice.ReturnOutput.class).on(GzipTargets.wrapForOutput()))
                .visit(Advice.to(GzipCompressionAdvice.WrapForInput.class).on(GzipTargets.wrapForInput()));
    }

    /** Says what was hooked; a class that cannot be woven stays stock, said once, loudly, instead of failing the JVM. */
    private static final class HookLog extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            if (ZstdTargets.isTargetName(typeName)) {
                LOG.warn("kqat: could not hook {}; it keeps Kafka's own zstd", typeName, error);
            } else if (GzipTargets.isTargetName(typeName)) {
                LOG.warn("kqat: could not hook {}; it keeps Kafka's stock gzip", typeName, error);
            }
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            if (ZstdTargets.isLegacyBody(type.getName())) {
                LOG.info("kqat: zstd hooked {} (the ZSTD codec of kafka-clients before 3.8, which has no "
                        + "compression.zstd.level: kqat compresses at level 3, as Kafka did)", type.getName());
            } else if (ZstdTargets.isTargetName(type.getName())) {
                LOG.info("kqat: zstd hooked {}", type.getName());
            } else if (type.getName().endsWith(GzipTargets.RECORDS_BUILDER_SUFFIX)) {
                LOG.debug("kqat: aborted batches of {} are discarded without compressing", type.getName());
            } else if (GzipTargets.isLegacyCandidate(type.getName())) {
                LOG.info("kqat: hooked {} (the GZIP codec of kafka-clients before 3.8, which has no "
                        + "compression.gzip.level: kqat compresses at level 6, as Kafka did)", type.getName());
            } else {
                LOG.info("kqat: hooked {}", type.getName());
            }
        }
    }
}
