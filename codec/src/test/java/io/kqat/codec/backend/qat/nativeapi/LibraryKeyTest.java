package io.kqat.codec.backend.qat.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kqat.emulator.Emulators;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 1: the process-wide QAT runtime is named by the libqat file loaded, not by how a copy of kqat named
 * it, so a copy naming a library directory and one naming the soname (which the loader matches to the library already
 * loaded) share one runtime instead of starting qatlib twice.
 */
class LibraryKeyTest {
    @Test
    void aDirectoryAndTheSonameThatReachTheSameLibraryHaveOneKey() throws Exception {
        Path dir = Emulators.dir("iova");
        QatLibraries byDirectory = QatLibraries.load(dir);
        assertThat(byDirectory.key()).isEqualTo(dir.resolve("libqat.so.4").toRealPath().toString());
        // The loader matches the bare soname to a libqat.so.4 already loaded (another test's variant may have come
        // first in this JVM): whichever file that is, its directory names the same runtime.
        QatLibraries bySoname = QatLibraries.load(null);
        Path reached = Path.of(bySoname.key());
        System.out.println("by directory: " + byDirectory.key() + "; by soname: " + bySoname.key());
        assertThat(reached).as("the file the soname reached").isAbsolute().hasFileName("libqat.so.4");
        assertThat(QatLibraries.load(reached.getParent()).key()).isEqualTo(bySoname.key());
    }

    @Test
    void theFileHoldingAnAddressIsFoundInTheMaps() {
        List<String> maps = List.of(
                "7f00a000-7f00b000 r--p 00000000 08:01 42 /nonexistent/libqat.so.4",
                "7f00b000-7f00c000 r-xp 00001000 08:01 42 /nonexistent/libqat.so.4",
                "7f00c000-7f00d000 rw-p 00000000 00:00 0 ",
                "7ffd0000-7ffd1000 rw-p 00000000 00:00 0 [stack]");
        assertThat(LoadedFile.holding(0x7f00b010L, maps)).hasValue(Path.of("/nonexistent/libqat.so.4"));
        assertThat(LoadedFile.holding(0x7f00c010L, maps)).isEmpty();
        assertThat(LoadedFile.holding(0x1000L, maps)).isEmpty();
    }
}
