package io.kqat.agent;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The classes of kafka-clients that hold its zstd codec, found as gzip's are ({@link GzipTargets}: by name suffix, so
 * shaded copies are found too; the same {@code wrapForOutput}/{@code wrapForInput} methods):
 *
 * <ul>
 *   <li>3.8 to 4.4: {@code ...common.compress.ZstdCompression} (its {@code level} is compression.zstd.level);</li>
 *   <li>2.8 to 3.7: the body class of the {@code ZSTD} constant of {@code ...common.record.CompressionType}, which
 *       calls {@code ZstdFactory} at zstd's default level, 3 (there is no level setting before 3.8).</li>
 * </ul>
 */
final class ZstdTargets {
    static final String ZSTD_COMPRESSION_SUFFIX = ".common.compress.ZstdCompression";
    static final String CONSTANT = "ZSTD";
    /** The legacy body classes the matcher took, so the log can tell them from gzip's (their names look alike). */
    private static final Set<String> LEGACY_MATCHED = ConcurrentHashMap.newKeySet();

    private ZstdTargets() {
    }

    /** kafka-clients 3.8+. */
    static ElementMatcher.Junction<TypeDescription> zstdCompression() {
        return nameEndsWith(ZSTD_COMPRESSION_SUFFIX).and(declaresMethod(GzipTargets.wrapForOutput()));
    }

    /** kafka-clients before 3.8: the ZSTD constant's body class, and no other constant's. */
    static AgentBuilder.RawMatcher legacyZstdConstant() {
        return (type, loader, module, classBeingRedefined, protectionDomain) -> {
            if (!GzipTargets.isLegacyCandidate(type.getName())) {
                return false;
            }
            TypeDescription.Generic superClass = type.getSuperClass();
            if (superClass == null) {
                return false;
            }
            String enumName = superClass.asErasure().getName();
            boolean match = enumName.endsWith(GzipTargets.LEGACY_ENUM_SUFFIX)
                    && declaresMethod(GzipTargets.wrapForOutput()).matches(type)
                    && type.getName().equals(GzipConstantBody.of(enumName, CONSTANT, loader));
            if (match) {
                LEGACY_MATCHED.add(type.getName());
            }
            return match;
        };
    }

    /** True for a zstd class this agent hooked, or may hook, for its log lines. */
    static boolean isTargetName(String typeName) {
        return typeName.endsWith(ZSTD_COMPRESSION_SUFFIX) || LEGACY_MATCHED.contains(typeName);
    }

    /** True for the ZSTD constant's body of an enum before 3.8 that this agent took. */
    static boolean isLegacyBody(String typeName) {
        return LEGACY_MATCHED.contains(typeName);
    }
}
