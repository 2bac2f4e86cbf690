package io.kqat.tools.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The variants of kqat's QAT emulator the build makes, and where: {@code <kqat.emulator.dir>/<variant>}, the base
 * directory set by the launcher ({@code ./kqat}) and by the build for tests. Only {@code --emulator} uses it; the
 * setting itself ({@code qat.emulator}) takes any directory.
 */
public final class EmulatorVariants {
    /** The system property the launcher sets to the build's {@code qat-emulator/target/native}. */
    public static final String BASE_PROPERTY = "kqat.emulator.dir";
    /** With qatlib's IOVA API (zero-copy), without it (pinned copy), and a 22.07-23.02 qatlib ({@code libqat.so.3}). */
    public static final List<String> VARIANTS = List.of("iova", "legacy", "v3");

    private EmulatorVariants() {
    }

    /**
     * @param allowed the variants the caller takes
     * @throws IllegalArgumentException for a variant not allowed, saying which are: {@code takes iova or legacy}
     * @throws IllegalStateException    when the base directory is not set or the variant was not built
     */
    public static Path dir(String variant, List<String> allowed) {
        if (!allowed.contains(variant)) {
            throw new IllegalArgumentException("takes " + String.join(", ", allowed.subList(0, allowed.size() - 1))
                    + " or " + allowed.get(allowed.size() - 1) + ", got '" + variant + "'");
        }
        String base = System.getProperty(BASE_PROPERTY);
        if (base == null) {
            throw new IllegalStateException("needs -D" + BASE_PROPERTY + " (./kqat sets it)");
        }
        Path dir = Paths.get(base, variant);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the QAT emulator is not built at " + dir + " (run: mvn -B -ntp package -DskipTests)");
        }
        return dir;
    }
}
