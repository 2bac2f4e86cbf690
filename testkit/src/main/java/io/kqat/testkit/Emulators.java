package io.kqat.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the build put the QAT emulator's variants ({@code iova}: qatlib 26.02+ with the IOVA API; {@code legacy}: an
 * older qatlib without it). The directory comes from the system property {@code kqat.emulator.dir}, which the build and
 * the {@code kqat} launcher set. A missing emulator is an error naming what to build, never a silent skip.
 */
public final class Emulators {
    public static final String DIR_PROPERTY = "kqat.emulator.dir";

    private Emulators() {
    }

    /** The directory of one variant, checked to hold the emulator's libqat. */
    public static Path dir(String variant) {
        String base = System.getProperty(DIR_PROPERTY);
        if (base == null) {
            throw new IllegalStateException("system property " + DIR_PROPERTY + " is not set (the build sets it)");
        }
        Path dir = Paths.get(base, variant);
        if (!Files.isRegularFile(EmulatorControl.libqat(dir))) {
            throw new IllegalStateException("QAT emulator not built at " + dir
                    + ": build the qat-emulator module (mvn -B -ntp package -DskipTests)");
        }
        return dir;
    }

    /** Controls of the emulator variant's libraries (the same ones a codec loads with {@code qat.emulator}). */
    public static EmulatorControl control(String variant) {
        return EmulatorControl.open(dir(variant));
    }
}
