package io.kqat.tools.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** What Linux says about the limits a QAT region runs into: locked memory and huge pages. */
final class SystemFacts {
    private SystemFacts() {
    }

    /** The soft RLIMIT_MEMLOCK in bytes, -1 for unlimited, or null when unknown. */
    static Long lockedMemoryLimit() {
        for (String line : lines(Paths.get("/proc/self/limits"))) {
            if (line.startsWith("Max locked memory")) {
                String soft = line.substring("Max locked memory".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? -1L : Long.parseLong(soft);
            }
        }
        return null;
    }

    /** "free of total (size)" for the default huge page size, or null when unknown. */
    static String hugePages() {
        String total = null;
        String free = null;
        String size = null;
        for (String line : lines(Paths.get("/proc/meminfo"))) {
            String[] kv = line.split(":\\s*", 2);
            if (kv.length < 2) {
                continue;
            }
            switch (kv[0]) {
                case "HugePages_Total" -> total = kv[1].trim();
                case "HugePages_Free" -> free = kv[1].trim();
                case "Hugepagesize" -> size = kv[1].trim();
                default -> { }
            }
        }
        return total == null ? null : free + " free of " + total + " (" + size + " each)";
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
