package io.kqat.agent;

import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.ByteBuffer;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code -javaagent:kqat-agent.jar[=options]} entry point (see {@link AgentOptions} for the options). It weaves
 * {@link GzipCompressionAdvice} into Kafka's {@code GzipCompression} (kafka-clients 3.8 to 4.4, shaded copies
 * included: they keep the {@code .common.compress.GzipCompression} suffix) and leaves every other codec alone.
 */
public final class KqatAgent {
    private static final Logger LOG = LoggerFactory.getLogger(KqatAgent.class);
    static final String TARGET_SUFFIX = ".common.compress.GzipCompression";
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
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new FailureLog())
                .type(nameEndsWith(TARGET_SUFFIX))
                .transform(KqatAgent::weave)
                .installOn(inst);
        woven = true;
    }

    private static DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type,
                                                ClassLoader loader, JavaModule module,
                                                java.security.ProtectionDomain domain) {
        LOG.debug("kqat: weaving {}", type.getName());
        return builder
                .visit(Advice.to(GzipCompressionAdvice.WrapForOutput.class)
                        .on(named("wrapForOutput").and(takesArguments(2)).and(returns(OutputStream.class))))
                .visit(Advice.to(GzipCompressionAdvice.WrapForInput.class)
                        .on(named("wrapForInput").and(takesArguments(3)).and(takesArgument(0, ByteBuffer.class))
                                .and(returns(InputStream.class))));
    }

    /** A class that cannot be woven stays stock; say so once, loudly, instead of failing the JVM. */
    private static final class FailureLog extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            if (typeName.endsWith(TARGET_SUFFIX)) {
                LOG.warn("kqat: could not hook {}; it keeps Kafka's stock gzip", typeName, error);
            }
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            LOG.info("kqat: hooked {}", type.getName());
        }
    }
}
