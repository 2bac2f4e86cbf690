package io.kqat.stress;

import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** {@code --out DIR}: where a mode keeps its work directories and failing inputs. */
final class OutDir {
    @Option(names = "--out", paramLabel = "DIR", showDefaultValue = Visibility.NEVER,
            description = "Work directories (broker and client logs, reports) and failing inputs (default "
                    + "stress/target/out).")
    String dir = StressMain.defaultOut();

    /** A new directory under {@code --out} for one run of {@code mode}. */
    Path run(String mode) {
        return Paths.get(dir).toAbsolutePath().resolve(mode + "-" + System.currentTimeMillis());
    }

    Path path() {
        return Paths.get(dir).toAbsolutePath();
    }
}
