package io.kqat.stress.child;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The properties file each child program writes as its report (its options: {@code ProgramOptions}). */
final class ChildReport {
    private ChildReport() {
    }

    static void write(Path file, Properties p) {
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "kqat stress child report");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
