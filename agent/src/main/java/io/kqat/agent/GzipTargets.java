package io.kqat.agent;

import static net.bytebuddy.matcher.ElementMatchers.declaresField;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The classes of kafka-clients that hold its gzip codec, found by name suffix so that relocated (shaded) copies such
 * as {@code org.apache.flink.kafka.shaded.org.apache.kafka...} are found too:
 *
 * <ul>
 *   <li>3.8 to 4.4: {@code ...common.compress.GzipCompression};</li>
 *   <li>2.8 to 3.7: the body class of the {@code GZIP} constant of the enum {@code ...common.record.CompressionType}.
 *       From 3.8 that enum's constants no longer declare {@code wrapForOutput}, so a class path holds exactly one of
 *       the two and nothing is hooked twice.</li>
 * </ul>
 */
final class GzipTargets {
    static final String GZIP_COMPRESSION_SUFFIX = ".common.compress.GzipCompression";
    static final String LEGACY_ENUM_SUFFIX = ".common.record.CompressionType";
    /** {@code ...common.record.MemoryRecordsBuilder} (and {@code ...record.internal.} from 4.3), shaded copies too. */
    static final String RECORDS_BUILDER_SUFFIX = ".MemoryRecordsBuilder";

    private GzipTargets() {
    }

    /** {@code OutputStream wrapForOutput(ByteBufferOutputStream buffer, byte magic)}. */
    static ElementMatcher.Junction<MethodDescription> wrapForOutput() {
        return named("wrapForOutput").and(takesArguments(2)).and(returns(OutputStream.class));
    }

    /** {@code InputStream wrapForInput(ByteBuffer buffer, byte magic, BufferSupplier supplier)}. */
    static ElementMatcher.Junction<MethodDescription> wrapForInput() {
        return named("wrapForInput").and(takesArguments(3)).and(takesArgument(0, ByteBuffer.class))
                .and(returns(InputStream.class));
    }

    /** {@code void abort()} of the records builder. */
    static ElementMatcher.Junction<MethodDescription> abort() {
        return named("abort").and(takesArguments(0)).and(returns(void.class));
    }

    /** The builder of record batches, where an aborted batch's stream is closed. */
    static ElementMatcher.Junction<TypeDescription> recordsBuilder() {
        return nameEndsWith(RECORDS_BUILDER_SUFFIX).and(nameContains(".common.record."))
                .and(declaresMethod(abort())).and(declaresField(named("bufferStream")));
    }

    /** kafka-clients 3.8+. */
    static ElementMatcher.Junction<TypeDescription> gzipCompression() {
        return nameEndsWith(GZIP_COMPRESSION_SUFFIX).and(declaresMethod(wrapForOutput()));
    }

    /** kafka-clients before 3.8: the GZIP constant's body class, and no other constant's. */
    static AgentBuilder.RawMatcher legacyGzipConstant() {
        return (type, loader, module, classBeingRedefined, protectionDomain) -> {
            if (!isLegacyCandidate(type.getName())) {
                return false;
            }
            TypeDescription.Generic superClass = type.getSuperClass();
            if (superClass == null) {
                return false;
            }
            String enumName = superClass.asErasure().getName();
            return enumName.endsWith(LEGACY_ENUM_SUFFIX)
                    && declaresMethod(wrapForOutput()).matches(type)
                    && type.getName().equals(GzipConstantBody.of(enumName, loader));
        };
    }

    /** Cheap name test first: only nested classes of a {@code CompressionType} are worth a closer look. */
    static boolean isLegacyCandidate(String typeName) {
        return typeName.contains(LEGACY_ENUM_SUFFIX + "$");
    }

    /** True for any class name this agent may hook, for its log lines. */
    static boolean isTargetName(String typeName) {
        return typeName.endsWith(GZIP_COMPRESSION_SUFFIX) || isLegacyCandidate(typeName);
    }
}
