package io.kqat.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Where the build put the QAT emulator's variants: {@code iova} (qatlib 26.08: the IOVA API, event mode and the
 * coalescing timer), {@code iova-26.02} (the IOVA API and event mode, no timer), {@code legacy} (an older qatlib
 * without either) and {@code v3} (qatlib 22.07-23.02, {@code libqat.so.3}). The directory comes from the
 * system property {@code kqat.emulator.dir}, which the build and the {@code kqat} launcher set: the one place it is
 * read. A missing emulator is an error naming what to build, never a silent skip.
 */
public final class Emulators {
    public static final String DIR_PROPERTY = "kqat.emulator.dir";
    /** Every variant the build makes. */
    public static final List<String> VARIANTS = Collections.unmodifiableList(Arrays.asList("iova", "iova-26.02", "legacy",
            "v3"));

    private Emulators() {
    }

    /**
     * The directory of one variant, checked to hold the emulator's libqat.
     *
     * @throws IllegalStateException when the base directory is not set or the variant was not built
     */
    public static Path dir(String variant) {
        String base = System.getProperty(DIR_PROPERTY);
        if (base == null) {
            throw new IllegalStateException("needs -D" + DIR_PROPERTY + ": the QAT emulator comes with a build from source "
                    + "(./kqat sets it), not with the release");
        }
        Path dir = Paths.get(base, variant);
        if (!Files.isRegularFile(EmulatorControl.libqat(dir))) {
            throw new IllegalStateException("the QAT emulator is not built at " + dir
                    + " (run: mvn -B -ntp package -DskipTests)");
        }
        return dir;
    }

    /**
     * As {@link #dir(String)} for a variant the caller takes.
     *
     * @throws IllegalArgumentException for another variant, saying which are taken: {@code takes iova or legacy, got 'x'}
     */
    public static Path dir(String variant, List<String> allowed) {
        if (!allowed.contains(variant)) {
            throw new IllegalArgumentException("takes " + String.join(", ", allowed.subList(0, allowed.size() - 1))
                    + " or " + allowed.get(allowed.size() - 1) + ", got '" + variant + "'");
        }
        return dir(variant);
    }

    /** The variant under a build's {@code qat-emulator/target/native} ({@code base}), or null when it is not built there. */
    public static Path built(Path base, String variant) {
        Path dir = base.resolve(variant);
        return Files.isRegularFile(EmulatorControl.libqat(dir)) ? dir : null;
    }

    /** Controls of the emulator variant's libraries (the same ones a codec loads with {@code qat.emulator}). */
    public static EmulatorControl control(String variant) {
        return EmulatorControl.open(dir(variant));
    }
}
