package io.kqat.tools.bench.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A gzip program kqat's whole-file figures are compared with, run the way a user runs it: stdin to stdout. Each
 * names the Debian package that installs it.
 *
 * @param compressor the program that compresses
 * @param decompressor the program that decompresses (the same one with {@code -d} for most)
 * @param maxLevel its highest level (igzip stops at 3)
 * @param threadsFlag the flag that sets its threads, or null when it runs on one
 */
public record CTool(String name, String compressor, String decompressor, String debianPackage, int maxLevel,
                    String threadsFlag) {
    public static final List<CTool> ALL = List.of(
            new CTool("gzip", "gzip", "gzip", "gzip", 9, null),
            new CTool("pigz", "pigz", "pigz", "pigz", 9, "-p"),
            new CTool("libdeflate", "libdeflate-gzip", "libdeflate-gunzip", "libdeflate-tools", 12, null),
            new CTool("igzip", "igzip", "igzip", "isal", 3, null));

    /** The command compressing stdin to stdout at {@code level}, or empty when the tool has no such level. */
    public Optional<List<String>> compressCommand(Path executable, int level, int threads) {
        if (level > maxLevel) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-" + level, "-c"));
        if (threadsFlag != null) {
            command.addAll(List.of(threadsFlag, Integer.toString(threads)));
        }
        return Optional.of(command);
    }

    /** The command decompressing stdin to stdout. */
    public List<String> decompressCommand(Path executable) {
        return executable.getFileName().toString().equals(compressor) ? List.of(executable.toString(), "-d", "-c")
                : List.of(executable.toString(), "-c");
    }

    /** A command as the tables show it: the program's name and its flags but {@code -c}, e.g. {@code pigz -6 -p 2}. */
    public static String display(List<String> command) {
        StringBuilder sb = new StringBuilder(Path.of(command.get(0)).getFileName().toString());
        command.stream().skip(1).filter(arg -> !arg.equals("-c")).forEach(arg -> sb.append(' ').append(arg));
        return sb.toString();
    }

    /** Where {@code program} is on the search path (the directories of PATH), if anywhere. */
    public static Optional<Path> locate(String program, List<Path> searchPath) {
        return searchPath.stream().map(dir -> dir.resolve(program)).filter(Files::isExecutable).findFirst();
    }

    /** The directories of this process's PATH. */
    public static List<Path> systemSearchPath() {
        String path = System.getenv("PATH");
        List<Path> dirs = new ArrayList<>();
        for (String dir : (path == null ? "" : path).split(":")) {
            if (!dir.isEmpty()) {
                dirs.add(Path.of(dir));
            }
        }
        return dirs;
    }
}
