package io.kqat.codec.backend.qat.nativeapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/**
 * The file a loaded native library really is, found from one of its functions' addresses in {@code /proc/self/maps}
 * and resolved to its real path. Names differ (a directory's path, a bare soname the loader matched to the library
 * already loaded, a symlink), the file does not: two copies of kqat that reach the same libqat get the same answer.
 */
final class LoadedFile {
    private LoadedFile() {
    }

    /** The real path of the mapped file holding {@code address}, or empty when the maps cannot tell. */
    static Optional<Path> holding(long address) {
        try {
            return holding(address, Files.readAllLines(Paths.get("/proc/self/maps")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Lines as {@code /proc/self/maps} has them: {@code start-end perms offset dev inode path}. */
    static Optional<Path> holding(long address, List<String> maps) {
        for (String line : maps) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length < 6 || !f[5].startsWith("/")) {
                continue;
            }
            int dash = f[0].indexOf('-');
            long start = Long.parseUnsignedLong(f[0].substring(0, dash), 16);
            long end = Long.parseUnsignedLong(f[0].substring(dash + 1), 16);
            if (Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0) {
                Path path = Paths.get(f[5]);
                try {
                    return Optional.of(path.toRealPath());
                } catch (IOException e) {
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }
}
